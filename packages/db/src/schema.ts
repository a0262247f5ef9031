import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from "kysely";

/** Columns the database fills in; readable as T, optional on insert, settable on update. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export type OrgRole = "viewer" | "member" | "admin";
export type IncidentStatus = "triggered" | "acknowledged" | "mitigated" | "resolved";
export type IncidentSeverity = "sev1" | "sev2" | "sev3" | "sev4";
/** What a notification target is (notification_targets.type). */
export type NotificationTargetType = "webhook" | "email" | "slack" | ChatTargetType;
/** Chat incoming webhooks other than Slack: each target is `{ url }`. */
export type ChatTargetType = "teams" | "discord" | "mattermost";
/** How an attempt is delivered: a target's type, or a person's contact method (which may text or call). */
export type NotificationChannel = NotificationTargetType | "sms" | "voice";
export type ContactMethodType = "email" | "slack" | "webhook" | "sms" | "voice";
export type NotificationAttemptStatus = "pending" | "succeeded" | "failed" | "cancelled";
export type TeamRole = "manager" | "member";
export type RotationUnit = "hour" | "day" | "week";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  /** IANA name, e.g. Europe/Berlin. */
  time_zone: Defaulted<string>;
  /** How long before a shift starts its person is reminded; null: never. */
  handoff_reminder_minutes: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** The least severe incident its escalation pages for; null: every severity. */
  page_min_severity: ColumnType<IncidentSeverity | null, IncidentSeverity | null | undefined, IncidentSeverity | null>;
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentsTable {
  org_id: string;
  id: Generated<string>;
  service_id: string;
  title: string;
  description: string | null;
  /** What kind of incident it is, in the org's words; null: not said. */
  type: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** When the next escalation step is due (null: none is scheduled): a job for several incidents' steps checks it. */
  escalation_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  dedup_key: ColumnType<string | null, string | null | undefined, string | null>;
  alert_count: Defaulted<number>;
  /** Set while a snooze runs: the incident returns to triggered then. */
  snoozed_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Set while an acknowledgement can time out: the incident returns to triggered then. */
  ack_timeout_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  acknowledge_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolve_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  acknowledge_breached_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolve_breached_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When a warning that the deadline nears is due (the policy's warnAtPercent of its time); null: none. */
  acknowledge_warn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolve_warn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the warning was recorded; a severity change that moves the deadline clears it. */
  acknowledge_warned_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolve_warned_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The first explicit acknowledgement; a later one (after a re-trigger) leaves it. */
  first_acknowledged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  escalations_timeout: Defaulted<number>;
  escalations_manual: Defaulted<number>;
  /** Generated by PostgreSQL from first_acknowledged_at and resolved_at. */
  time_to_acknowledge_seconds: ColumnType<number | null, never, never>;
  time_to_resolve_seconds: ColumnType<number | null, never, never>;
}

/**
 * `columns`, checked to be every column of table T: a list that misses one does not compile. For
 * statements that must name their columns (a prepared keyed statement: executeKeyed).
 */
const everyColumnOf =
  <T>() =>
  <const C extends readonly (keyof T & string)[]>(columns: C & ([Exclude<keyof T, C[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, C[number]> })): C =>
    columns;

export const INCIDENT_COLUMNS = everyColumnOf<IncidentsTable>()([
  "org_id",
  "id",
  "service_id",
  "title",
  "description",
  "type",
  "status",
  "severity",
  "version",
  "created_by",
  "created_at",
  "updated_at",
  "triggered_at",
  "acknowledged_at",
  "mitigated_at",
  "resolved_at",
  "escalation_policy_id",
  "escalation_step",
  "escalation_due_at",
  "dedup_key",
  "alert_count",
  "snoozed_until",
  "ack_timeout_at",
  "acknowledge_due_at",
  "resolve_due_at",
  "acknowledge_breached_at",
  "resolve_breached_at",
  "acknowledge_warn_at",
  "resolve_warn_at",
  "acknowledge_warned_at",
  "resolve_warned_at",
  "first_acknowledged_at",
  "escalations_timeout",
  "escalations_manual",
  "time_to_acknowledge_seconds",
  "time_to_resolve_seconds",
]);

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
  /** The incident (its wire shape) right after the event; null for events older than migration 0020. */
  incident: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
  created_at: Timestamp;
}

/** Every column of incident_events, for a keyed statement that reads events (executeKeyed). */
export const INCIDENT_EVENT_COLUMNS = everyColumnOf<IncidentEventsTable>()(["org_id", "id", "seq", "incident_id", "kind", "actor_user_id", "data", "incident", "created_at"]);

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
  /** The token this one was last exchanged for (set with rotated_at). */
  successor_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /**
   * The target's routing: it takes an incident of one of these services, or of a service one of
   * these teams owns; with both null, every incident.
   */
  service_ids: string[] | null;
  team_ids: string[] | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set when the target was deleted: kept for its delivery history, disabled, its config and secret erased. */
  deleted_at: NullableTime;
}

/** Every column of notification_targets, for a keyed statement that reads targets (executeKeyed). */
export const NOTIFICATION_TARGET_COLUMNS = everyColumnOf<NotificationTargetsTable>()([
  "org_id",
  "id",
  "name",
  "type",
  "config",
  "secret",
  "enabled",
  "event_kinds",
  "min_severity",
  "service_ids",
  "team_ids",
  "created_at",
  "updated_at",
  "deleted_at",
]);

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
  /** The target or the person (generated): the delivery lane. */
  recipient_id: ColumnType<string, never, never>;
  /** The event's seq (bigint: a string). */
  event_seq: ColumnType<string, string, never>;
  next_attempt_at: Timestamp;
  request_id: string | null;
}

export interface NotificationFanoutsTable {
  org_id: string;
  incident_id: string;
  /** bigint: a string. */
  last_event_seq: ColumnType<string, string | undefined, string>;
}

export interface DeliveryLanesTable {
  org_id: string;
  recipient_id: string;
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  failure_streak: Defaulted<number>;
  paused_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Until when the receiver asked not to be sent to (a Retry-After): nothing is sent to the lane meanwhile. */
  held_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export const DELIVERY_LANE_COLUMNS = everyColumnOf<DeliveryLanesTable>()(["org_id", "recipient_id", "lease_until", "failure_streak", "paused_until", "held_until"]);

export interface EscalationPoliciesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: string | null;
  repeat: Defaulted<number>;
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  schedule_id: ColumnType<string | null, string | null | undefined, string | null>;
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** With team_id: only the team's people of this role; null: all of them. */
  team_role: ColumnType<TeamRole | null, TeamRole | null | undefined, TeamRole | null>;
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
  /** Kept for the paging history once deleted (decision 0058): its address masked, a webhook's secret erased. */
  deleted_at: NullableTime;
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
  /** One of up to 16 rows of the org's day (0-15): the day's count is their sum (0051_usage_shards.sql). */
  shard: Defaulted<number>;
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
  grouping: Generated<"group" | "alert">;
  signing_secret: string | null;
  mapping: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface SlaPoliciesTable {
  org_id: string;
  id: Generated<string>;
  /** null: the org's policy; else a service's override. */
  service_id: string | null;
  targets: Json;
  /** Warn when this share (percent) of the time to a deadline has passed; null: no warnings. */
  warn_at_percent: ColumnType<number | null, number | null | undefined, number | null>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamsTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentTasksTable {
  org_id: string;
  id: Generated<string>;
  incident_id: string;
  title: string;
  assignee_id: string | null;
  done_at: NullableTime;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type StatusUpdateStatus = "investigating" | "identified" | "monitoring" | "resolved";

export interface IncidentStatusUpdatesTable {
  org_id: string;
  id: Generated<string>;
  incident_id: string;
  body: string;
  status: StatusUpdateStatus;
  author_id: string | null;
  created_at: Timestamp;
}

export interface ChangeEventsTable {
  org_id: string;
  id: Generated<string>;
  service_id: string;
  integration_id: string | null;
  summary: string;
  source: string | null;
  occurred_at: Timestamp;
  custom_details: ColumnType<unknown, string | null | undefined, string | null>;
  links: ColumnType<unknown[], string | undefined, string>;
  notes: Defaulted<string[]>;
  created_at: Timestamp;
}

export interface MaintenanceWindowsTable {
  org_id: string;
  id: Generated<string>;
  service_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface HeartbeatMonitorsTable {
  org_id: string;
  id: Generated<string>;
  service_id: string;
  name: string;
  interval_seconds: number;
  token: string;
  last_ping_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  expired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SuppressedAlertsTable {
  org_id: string;
  id: Generated<string>;
  maintenance_window_id: string;
  integration_id: string | null;
  dedup_key: string;
  summary: string;
  severity: IncidentSeverity;
  alert: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** The outcome of an Opsgenie Alert API request (GET /v2/alerts/requests/{requestId}). */
export interface OpsgenieRequestsTable {
  org_id: string;
  id: string;
  integration_id: string;
  action: string;
  is_success: boolean;
  status: string;
  alert_id: string | null;
  alias: string | null;
  processed_at: Timestamp;
}

/** Opsgenie's short alert number of an incident, per org. */
export interface IncidentTinyIdsTable {
  org_id: string;
  incident_id: string;
  tiny_id: ColumnType<string, number | string, number | string>;
}

export type PostmortemStatus = "draft" | "published";

export interface PostmortemsTable {
  org_id: string;
  incident_id: string;
  summary: string;
  impact: string;
  root_cause: string;
  action_items: ColumnType<unknown[], string | undefined, string>;
  status: Defaulted<PostmortemStatus>;
  version: Defaulted<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTime;
}

export interface IncidentAttachmentsTable {
  org_id: string;
  id: Generated<string>;
  incident_id: string;
  file_name: string;
  content_type: string;
  /** bigint: pg returns it as a string. */
  size_bytes: ColumnType<string, number | string, number | string>;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  org_id: string;
  team_id: string;
  user_id: string;
  role: TeamRole;
  created_at: Timestamp;
}

export interface SchedulesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: string | null;
  /** IANA name, e.g. Europe/Berlin. */
  time_zone: string;
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScheduleLayersTable {
  org_id: string;
  id: Generated<string>;
  schedule_id: string;
  position: number;
  name: string;
  start_at: ColumnType<Date, Date | string, Date | string>;
  end_at: NullableTime;
  rotation_start: ColumnType<Date, Date | string, Date | string>;
  rotation_unit: RotationUnit;
  rotation_length: number;
  /** The layer's restrictions as the API takes them (validated on input). */
  restrictions: ColumnType<unknown[], string | undefined, string>;
}

export interface ScheduleLayerParticipantsTable {
  org_id: string;
  layer_id: string;
  position: number;
  user_id: string;
}

export interface ScheduleOverridesTable {
  org_id: string;
  id: Generated<string>;
  schedule_id: string;
  user_id: string;
  start_at: ColumnType<Date, Date | string, Date | string>;
  end_at: ColumnType<Date, Date | string, Date | string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CalendarFeedsTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  schedule_id: string | null;
  full_schedule: Defaulted<boolean>;
  prefix: string;
  token_hash: Buffer;
  created_at: Timestamp;
  last_used_at: NullableTime;
}

export interface StreamTicketsTable {
  org_id: string;
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string | null;
  api_key_id: string | null;
  /** A person's ticket: when the access token they asked with expires (the stream ends then). */
  access_token_expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface IdempotentRequestsTable {
  org_id: string;
  user_id: string | null;
  api_key_id: string | null;
  caller_id: GeneratedAlways<string>;
  key: string;
  procedure: string;
  input_hash: Buffer;
  /** Null only inside the transaction that claimed the key, before its call returned. */
  answer: unknown;
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
  notification_fanouts: NotificationFanoutsTable;
  delivery_lanes: DeliveryLanesTable;
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
  sla_policies: SlaPoliciesTable;
  incident_tasks: IncidentTasksTable;
  incident_status_updates: IncidentStatusUpdatesTable;
  postmortems: PostmortemsTable;
  incident_attachments: IncidentAttachmentsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  schedules: SchedulesTable;
  schedule_layers: ScheduleLayersTable;
  schedule_layer_participants: ScheduleLayerParticipantsTable;
  schedule_overrides: ScheduleOverridesTable;
  calendar_feeds: CalendarFeedsTable;
  change_events: ChangeEventsTable;
  maintenance_windows: MaintenanceWindowsTable;
  suppressed_alerts: SuppressedAlertsTable;
  opsgenie_requests: OpsgenieRequestsTable;
  incident_tiny_ids: IncidentTinyIdsTable;
  heartbeat_monitors: HeartbeatMonitorsTable;
  stream_tickets: StreamTicketsTable;
  idempotent_requests: IdempotentRequestsTable;
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
export type DeliveryLaneRow = Selectable<DeliveryLanesTable>;
export type EscalationPolicyRow = Selectable<EscalationPoliciesTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type IntegrationKeyRow = Selectable<IntegrationKeysTable>;
export type SlaPolicyRow = Selectable<SlaPoliciesTable>;
export type IncidentTaskRow = Selectable<IncidentTasksTable>;
export type IncidentStatusUpdateRow = Selectable<IncidentStatusUpdatesTable>;
export type PostmortemRow = Selectable<PostmortemsTable>;
export type IncidentAttachmentRow = Selectable<IncidentAttachmentsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ScheduleRow = Selectable<SchedulesTable>;
export type ScheduleLayerRow = Selectable<ScheduleLayersTable>;
export type ScheduleOverrideRow = Selectable<ScheduleOverridesTable>;
export type CalendarFeedRow = Selectable<CalendarFeedsTable>;
export type ChangeEventRow = Selectable<ChangeEventsTable>;
export type MaintenanceWindowRow = Selectable<MaintenanceWindowsTable>;
export type SuppressedAlertRow = Selectable<SuppressedAlertsTable>;
export type OpsgenieRequestRow = Selectable<OpsgenieRequestsTable>;
export type HeartbeatMonitorRow = Selectable<HeartbeatMonitorsTable>;
