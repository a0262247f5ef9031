import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Columns the database fills in; readable as T, optional on insert, settable on update. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export type OrgRole = "viewer" | "member" | "admin";
export type IncidentStatus = "triggered" | "acknowledged" | "mitigated" | "resolved";
export type IncidentSeverity = "sev1" | "sev2" | "sev3" | "sev4";
/** What a notification target is (notification_targets.type). */
export type NotificationTargetType = "webhook" | "email" | "slack";
/** How an attempt is delivered: a target's type, or a person's contact method (which may text or call). */
export type NotificationChannel = NotificationTargetType | "sms" | "voice";
export type ContactMethodType = "email" | "slack" | "webhook" | "sms" | "voice";
export type NotificationAttemptStatus = "pending" | "succeeded" | "failed";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  /** IANA name, e.g. Europe/Berlin. */
  time_zone: Defaulted<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgsTable {
  id: Generated<string>;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgMembersTable {
  org_id: string;
  user_id: string;
  role: OrgRole;
  created_at: Timestamp;
}

export interface ServicesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: string | null;
  escalation_policy_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** null: an acknowledgement never times out. */
  ack_timeout_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentsTable {
  org_id: string;
  id: Generated<string>;
  service_id: string;
  title: string;
  description: string | null;
  status: Defaulted<IncidentStatus>;
  severity: Defaulted<IncidentSeverity>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  triggered_at: Timestamp;
  acknowledged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  mitigated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  escalation_policy_id: ColumnType<string | null, string | null | undefined, string | null>;
  escalation_step: Defaulted<number>;
  dedup_key: ColumnType<string | null, string | null | undefined, string | null>;
  alert_count: Defaulted<number>;
  /** Set while a snooze runs: the incident returns to triggered then. */
  snoozed_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Set while an acknowledgement can time out: the incident returns to triggered then. */
  ack_timeout_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface IncidentAssigneesTable {
  org_id: string;
  incident_id: string;
  user_id: string;
  assigned_at: Timestamp;
}

export interface IncidentEventsTable {
  org_id: string;
  id: Generated<string>;
  /** bigint: pg returns it as a string. */
  seq: ColumnType<string, never, never>;
  incident_id: string;
  kind: string;
  actor_user_id: string | null;
  data: Json;
  created_at: Timestamp;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  active_org_id: string;
  family_id: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  rotated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NotificationTargetsTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  type: NotificationTargetType;
  config: Json;
  secret: string;
  enabled: Defaulted<boolean>;
  event_kinds: string[] | null;
  min_severity: IncidentSeverity | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificationAttemptsTable {
  org_id: string;
  id: Generated<string>;
  event_id: string;
  target_id: string | null;
  user_id: string | null;
  incident_id: string;
  channel: NotificationChannel;
  /** The person's contact method a page went through (null: before contact methods, or deleted since). */
  contact_method_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The delay of the notification rule that sent it. */
  delay_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  status: Defaulted<NotificationAttemptStatus>;
  attempt_count: Defaulted<number>;
  last_http_status: number | null;
  last_error: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface EscalationPoliciesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: string | null;
  repeat: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EscalationLevelsTable {
  org_id: string;
  policy_id: string;
  level: number;
  delay_seconds: number;
}

export interface EscalationLevelTargetsTable {
  org_id: string;
  policy_id: string;
  level: number;
  position: number;
  user_id: string | null;
  notification_target_id: string | null;
}

export interface UserNotificationPreferencesTable {
  user_id: string;
  event_kinds: string[];
  updated_at: Timestamp;
}

export interface ContactMethodsTable {
  id: Generated<string>;
  user_id: string;
  type: ContactMethodType;
  name: string;
  address: string;
  secret: string | null;
  is_account_email: Defaulted<boolean>;
  created_at: Timestamp;
}

export interface NotificationRulesTable {
  user_id: string;
  position: number;
  contact_method_id: string;
  delay_minutes: number;
}

export interface WorkerHeartbeatsTable {
  worker_id: string;
  process: string;
  started_at: Timestamp;
  last_seen: Timestamp;
}

export type ApiKeyScope = "read" | "write";
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface InvitationsTable {
  org_id: string;
  id: Generated<string>;
  email: string;
  role: OrgRole;
  token_hash: Buffer;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  accepted_at: NullableTime;
  accepted_by: string | null;
  revoked_at: NullableTime;
}

export interface ApiKeysTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  secret_hash: Buffer;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTime;
  last_used_at: NullableTime;
  revoked_at: NullableTime;
}

export interface PasswordResetTokensTable {
  id: Generated<string>;
  user_id: string;
  token_hash: Buffer;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTime;
}

export interface LoginThrottleTable {
  email: string;
  failures: Defaulted<number>;
  window_start: Timestamp;
}

export interface RateLimitCountersTable {
  key: string;
  window_start: ColumnType<Date, Date | string, Date | string>;
  hits: Defaulted<number>;
}

export interface OrgUsageDailyTable {
  org_id: string;
  /** date: pg returns it as a Date at local midnight unless parsed; we read it as text. */
  day: ColumnType<string, string, string>;
  write_calls: Defaulted<number>;
}

export type AuditActorType = "user" | "api_key" | "anonymous";

export interface AuditLogTable {
  org_id: string | null;
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  actor_type: AuditActorType;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
  data: Json;
  created_at: Timestamp;
}

export interface IntegrationKeysTable {
  org_id: string;
  id: Generated<string>;
  service_id: string;
  name: string;
  routing_key: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  orgs: OrgsTable;
  org_members: OrgMembersTable;
  services: ServicesTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  incident_assignees: IncidentAssigneesTable;
  refresh_tokens: RefreshTokensTable;
  notification_targets: NotificationTargetsTable;
  notification_attempts: NotificationAttemptsTable;
  escalation_policies: EscalationPoliciesTable;
  escalation_levels: EscalationLevelsTable;
  escalation_level_targets: EscalationLevelTargetsTable;
  user_notification_preferences: UserNotificationPreferencesTable;
  contact_methods: ContactMethodsTable;
  notification_rules: NotificationRulesTable;
  worker_heartbeats: WorkerHeartbeatsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
  password_reset_tokens: PasswordResetTokensTable;
  login_throttle: LoginThrottleTable;
  rate_limit_counters: RateLimitCountersTable;
  org_usage_daily: OrgUsageDailyTable;
  audit_log: AuditLogTable;
  integration_keys: IntegrationKeysTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type OrgRow = Selectable<OrgsTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncident = Insertable<IncidentsTable>;
export type IncidentUpdate = Updateable<IncidentsTable>;
export type IncidentEventRow = Selectable<IncidentEventsTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type NotificationTargetRow = Selectable<NotificationTargetsTable>;
export type NotificationAttemptRow = Selectable<NotificationAttemptsTable>;
export type ContactMethodRow = Selectable<ContactMethodsTable>;
export type EscalationPolicyRow = Selectable<EscalationPoliciesTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type IntegrationKeyRow = Selectable<IntegrationKeysTable>;
