export * from "./errors.js";
export * from "./config.js";
export * from "./logger.js";
export * from "./policy.js";
export * from "./pagination.js";
export * from "./schemas.js";
export { isDatabaseUnavailable, isUniqueViolation } from "./db-errors.js";
export { signAccessToken, verifyAccessToken, type AccessTokenClaims } from "./auth/access-token.js";
export { hashPassword } from "./auth/passwords.js";
export * as authService from "./auth/service.js";
export type { TokenResponse } from "./auth/service.js";
export * as orgService from "./org/service.js";
export { findMembership } from "./org/repository.js";
export * as serviceCatalog from "./services/service.js";
export * as incidentService from "./incidents/service.js";
export { ALLOWED_TRANSITIONS, canTransition } from "./incidents/state-machine.js";
export * as notificationTargetService from "./notification-targets/service.js";
export { openDatabase, prepareDatabase, EMBEDDED_DATABASE_NAME, type DatabaseHandle, type PreparedDatabase } from "./database.js";
export * from "./jobs/tasks.js";
export { enqueueJob, removeJob, type JobSpec } from "./jobs/enqueue.js";
export { fanOutEvent } from "./notifications/fan-out.js";
export { runDelivery, retryDelayMs, type DeliveryDeps, type DeliveryResult } from "./notifications/deliver.js";
export { publicUrlOf, type ChannelDeps } from "./notifications/channels.js";
export type { NotificationPayload, NotificationKind } from "./notifications/payload.js";
export { runEscalationStep, type EscalationOutcome } from "./escalations/runner.js";
export * as escalationPolicyService from "./escalations/service.js";
export * as notificationPreferences from "./users/preferences.js";
export { listIncidentNotifications } from "./notifications/attempt-list.js";
export * from "./delivery/index.js";
export { enterUserScope, inScope, setScope, transact, type Scope } from "./scope.js";
export { auditAction, auditSourceOf, recordAudit, type AuditEntry, type AuditSource } from "./audit/record.js";
export { API_KEY_PREFIX, authenticateApiKey, hashApiKey, looksLikeApiKey } from "./api-keys/authenticate.js";
export * as apiKeyService from "./api-keys/service.js";
export { apiKeySchema, apiKeyScopeSchema, apiKeyStatusSchema, createdApiKeySchema, type ApiKey, type CreatedApiKey } from "./api-keys/schema.js";
export { processAlert, type Alert, type AlertAction, type AlertOutcome, type AlertResult } from "./ingest/alerts.js";
export * as integrationKeyService from "./ingest/integration-keys.js";
export { integrationKeySchema, type IntegrationKey } from "./ingest/integration-keys.js";
export { auditActorTypeSchema, auditLogEntrySchema, listAuditLog, type AuditLogEntry, type AuditLogQuery } from "./audit/list.js";
export { assertWriteQuotaLeft, countWriteCall, getUsage, secondsUntilUtcMidnight, usageSchema, type Usage } from "./usage/quota.js";
export * as invitationService from "./invitations/service.js";
export { createdInvitationSchema, invitationSchema, invitationStatusSchema, type CreatedInvitation, type Invitation } from "./invitations/schema.js";
export {
  passwordSchema,
  passwordEqualsEmail,
  assertPasswordNotEmail,
  PASSWORD_EQUALS_EMAIL_MESSAGE,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from "./auth/password-policy.js";
export * as passwordService from "./auth/password-service.js";
export type { RequestSource } from "./auth/account-audit.js";
export { LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS } from "./auth/login-throttle.js";
export { hitWindowCounter, unhitWindowCounter, resetWindowCounter, sweepExpiredCounters, type WindowHit } from "./rate-limit/counters.js";
