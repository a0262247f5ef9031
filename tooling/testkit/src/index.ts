// @incidentops/testkit: what the tests of every package share. See README.md.
export * from "./loopback.js";
export { ALERTMANAGER_BINARY, startAlertmanager, type PostableAlert, type RunningAlertmanager } from "./alertmanager.js";
export { createTestDatabase, TEST_APP_DB_PASSWORD, type TestDatabase } from "./database.js";
export { expectError, expectNoLeak, expectValidationFailed, fieldsOf, rejectionOf, type ErrorBody } from "./errors.js";
export {
  aContactMethod,
  addMember,
  setMemberRole,
  anAlert,
  anAlertSource,
  aMember,
  anApiKey,
  anIncident,
  anIntegrationKey,
  anInvitation,
  anOrgOwner,
  anOwnerWithAnIncident,
  anOverride,
  anSlaPolicy,
  SLA_TARGETS,
  aPolicy,
  aSchedule,
  aHeartbeat,
  aService,
  aTeam,
  aUserWithRole,
  aWebhookTarget,
  contactMethodsOf,
  incidentsOfService,
  ok,
  PASSWORD,
  setIntegrationSettings,
  setNotificationRules,
  setTeamMember,
  uniqueEmail,
  uniqueName,
  UUID,
  type Account,
  type SlaPolicyBody,
  type SlaTargetsBody,
} from "./fixtures.js";
export { closeAfterEach, useStarted } from "./lifecycle.js";
export { captureLogger } from "./logs.js";
export { auditEntries, countRows, escalationKey, incidentState, heartbeatKey, makeJobDue, makeJobsDue, outwaitReuseGrace, pausingDb, preparedStatementsOn, queuedJobs, retriggerKey, roundTripsOf, rowsOf, slaKey, slaWarningKey, statementCountingDb, stepsJobsOf, writeCallsCounted, type PreparedStatement, type QueuedJob } from "./probes.js";
export { METRICS_TEST_TOKEN, useMetricsServer } from "./metrics.js";
export { PROMETHEUS_BINARY, startPrometheus, type RunningPrometheus, type ScrapeTarget } from "./prometheus.js";
export { beforeInserts, deadlocksFirst, deadlocksWhen, RAISE_DEADLOCK, raceBehindLock, untilWaitingOnLocks } from "./races.js";
export {
  listenOnLoopback,
  startTestApi,
  TEST_JWT_SECRET,
  testConfig,
  useTestApi,
  type HttpResponse,
  type RequestOptions,
  type TestApi,
  type TrpcClient,
} from "./test-api.js";
export { apiProcessReady, FAST_WORKER_ENV, runQueuedJobs, spawnApiProcess, spawnWorkerProcess, useTestStack, type AppProcess, type ProcessDatabase, type TestStack, type WorkerProcess } from "./test-stack.js";
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "./otlp-receiver.js";
export { startStallingProxy, type StallingProxy } from "./stalling-proxy.js";
export { listAttempts, listEvents, waitForSettledAttempts } from "./timeline.js";
export { EXPECTED_ALLOWED, STATUSES } from "./transitions.js";
export { deferred, insideOneMinuteWindow, recordedAtItsTime, sleep, waitFor } from "./waiting.js";
export { DISPOSABLE_DATABASE, isProcessAlive, startDisposablePostgres, useDisposablePostgres, type DisposablePostgres } from "./disposable-postgres.js";
