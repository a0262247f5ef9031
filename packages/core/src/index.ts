// The public surface of @incidentops/core: what the apps (api, worker) and scripts may use.
// Each feature exports its wire shapes and inputs (schema.ts) and its service as a namespace;
// repositories, the incident lifecycle and other internals stay inside the package.

// Kernel: configuration, errors, logging, authorization, tenancy scope, database, jobs, delivery.
export * from "./errors.js";
export { errorDetailsSchemas } from "./error-details.js";
export * from "./config.js";
export * from "./work-context.js";
export * from "./logger.js";
export * from "./policy.js";
export * from "./pagination.js";
export * from "./schema.js";
export * from "./input-limits.js";
export { isDatabaseUnavailable, isForeignKeyViolation, isLockNotAvailable, isTransactionConflict, isUniqueViolation } from "./db-errors.js";
export { noteEffectOutsideDatabase, retryingConflicts, TRANSACTION_ATTEMPTS } from "./conflict-retries.js";
export { openDatabase, prepareDatabase, startupFailure, EMBEDDED_DATABASE_NAME, type DatabaseHandle, type PreparedDatabase } from "./database.js";
export { enterUserScope, enterUserScopeAs, inScope, setScope, transact, type Scope } from "./scope.js";
export { countDelivery, metricsRegistry, observeHttpRequest, observeJob, readQueueStatsWith, type JobOutcome, type QueueStats } from "./metrics.js";
export { msUntilNextJob, readQueueStats } from "./jobs/queue-stats.js";
export { startMetricsServer, type MetricsServer } from "./metrics-server.js";
export { currentTraceId, inJobSpan, nameRequestRoute, shutdownTracing, traceCarrier } from "./tracing.js";
export * from "./jobs/tasks.js";
export { enqueueJob, enqueueJobs, removeJob, removeJobs, withJobsHeld, type JobRequest, type JobSpec } from "./jobs/enqueue.js";
export * from "./delivery/index.js";
export { createObjectStorage, ObjectNotFoundError, type ObjectStorage } from "./storage/index.js";
export { hitWindowCounter, takeFromWindow, unhitWindowCounter, resetWindowCounter, sweepExpiredCounters, type WindowHit } from "./rate-limit/repository.js";

// Accounts: sign-in, passwords, people, orgs and their members, invitations, API keys.
export * from "./auth/schema.js";
export * as authService from "./auth/service.js";
export * as passwordService from "./auth/password-service.js";
export { signAccessToken, verifyAccessToken, type AccessTokenClaims } from "./auth/access-token.js";
export { hashPassword } from "./auth/passwords.js";
export {
  passwordSchema,
  passwordEqualsEmail,
  assertPasswordNotEmail,
  PASSWORD_EQUALS_EMAIL_MESSAGE,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from "./auth/password-policy.js";
export type { RequestSource } from "./auth/account-audit.js";
export { LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS } from "./auth/login-throttle.js";
export * from "./users/schema.js";
export * as userService from "./users/service.js";
export * from "./contact-methods/schema.js";
export * as contactMethodService from "./contact-methods/service.js";
export * from "./org/schema.js";
export * as orgService from "./org/service.js";
export * from "./invitations/schema.js";
export * as invitationService from "./invitations/service.js";
export * from "./api-keys/schema.js";
export * as apiKeyService from "./api-keys/service.js";
export { API_KEY_PREFIX, authenticateApiKey, looksLikeApiKey } from "./api-keys/authenticate.js";
export { hashSecretToken } from "./secret-tokens.js";
export * from "./stream-tickets/schema.js";
export * as streamTicketService from "./stream-tickets/service.js";
export * from "./idempotency/schema.js";
export { finishKeyedCall, keyRefusedForSecretAnswer, keyRefusedInBatch, parseIdempotencyKey, startKeyedCall } from "./idempotency/service.js";
export type { StreamHolder } from "./stream-tickets/service.js";

// Accountability: the audit log and usage quotas.
export * from "./audit/schema.js";
export { auditAction, auditSourceOf, listAuditLog, recordAudit, type AuditEntry, type AuditSource } from "./audit/service.js";
export * from "./usage/schema.js";
export { assertWriteQuotaLeft, countWriteCall, getUsage, secondsUntilUtcMidnight } from "./usage/service.js";

// On call: teams, schedules and who is on call.
export * from "./teams/schema.js";
export * as teamService from "./teams/service.js";
export { teamMembers } from "./teams/service.js";
export * from "./schedules/schema.js";
export * as scheduleService from "./schedules/service.js";
export * from "./oncall/schema.js";
export * as onCallService from "./oncall/service.js";
export { planShiftNotices, replanUserShiftNotices, sendShiftNotice, type NoticeOutcome, type PlannedNotice } from "./shift-notices/planner.js";
export { notifyPerson, type PersonMessage } from "./shift-notices/notify-person.js";
export * from "./calendar-feeds/schema.js";
export * as calendarFeedService from "./calendar-feeds/service.js";
export { onCallAt, onCallAtMany, renderShifts } from "./schedules/on-call.js";
export type { RenderedSchedule, ShiftEntry } from "./schedules/render.js";

// On-call configuration: the service catalogue, escalation policies, notification targets, integrations.
export * from "./catalog/schema.js";
export * as catalogService from "./catalog/service.js";
export * from "./escalation-policies/schema.js";
export * as escalationPolicyService from "./escalation-policies/service.js";
export * from "./notification-targets/schema.js";
export * as notificationTargetService from "./notification-targets/service.js";
export * from "./integrations/schema.js";
export { DATADOG_WEBHOOK_MAPPING, KIBANA_WEBHOOK_MAPPING, listWebhookMappingPresets, WEBHOOK_MAPPING_PRESETS } from "./integrations/mapping-presets.js";
export * as integrationKeyService from "./integrations/service.js";
export * from "./sla/schema.js";
export * as slaPolicyService from "./sla/service.js";

// Incidents, and what drives them: alert ingestion, escalation, notification.
export * from "./incidents/schema.js";
export * as incidentService from "./incidents/service.js";
export { ALLOWED_TRANSITIONS, canTransition } from "./incidents/state-machine.js";
export { ingestAlerts, type Alert, type AlertAction, type AlertBatch, type AlertOutcome, type AlertResult, type GroupedAlert } from "./ingest/alerts.js";
export { refuseUnsignedRoute, type AlertDelivery } from "./ingest/admission.js";
export { alertOfMappedPayload } from "./ingest/webhook-mapping.js";
export { ingestChangeEvent } from "./ingest/change-events.js";
export * from "./opsgenie/schema.js";
export { actOnOpsgenieAlert, createOpsgenieAlert, getOpsgenieRequest } from "./opsgenie/service.js";
export { readSentTime, type SentTime } from "./ingest/sent-time.js";
export * from "./change-events/schema.js";
export * as changeEventService from "./change-events/service.js";
export * from "./maintenance/schema.js";
export * as maintenanceService from "./maintenance/service.js";
export * from "./heartbeats/schema.js";
export * as heartbeatService from "./heartbeats/service.js";
export { runEscalationStep, runEscalationSteps, type EscalationOutcome } from "./escalations/runner.js";
export { runRetrigger } from "./incidents/retrigger.js";
export { runPageRule, type PageRuleOutcome } from "./notifications/pages.js";
export { runSlaCheck, runSlaChecks, type SlaCheckOutcome } from "./incidents/sla-checks.js";
export * from "./notifications/schema.js";
export * as notificationService from "./notifications/service.js";
export { fanOutEvents, type FirstRounds } from "./notifications/fan-out.js";
export {
  breakerPauseMs,
  LEASED_ROUNDS,
  runDelivery,
  retryDelayMs,
  ROUNDS_PER_CLAIM,
  sendLaneRun,
  type ClaimedLaneRun,
  type DeliveryDeps,
  type DeliveryResult,
  type LaneRun,
} from "./notifications/deliver.js";

// Running and learning from incidents: tasks, status updates, postmortems, attachments, analytics.
export * from "./tasks/schema.js";
export * as taskService from "./tasks/service.js";
export * from "./status-updates/schema.js";
export * as statusUpdateService from "./status-updates/service.js";
export * from "./postmortems/schema.js";
export * as postmortemService from "./postmortems/service.js";
export * from "./attachments/schema.js";
export * as attachmentService from "./attachments/service.js";
export * from "./analytics/schema.js";
export * as analyticsService from "./analytics/service.js";
export { inRounds, type RoundCall, type RoundWork } from "./rounds.js";
