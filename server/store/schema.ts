import type { ColumnType, Generated, Selectable } from "kysely";
import type {
  NoticeOptOutTable,
  NoticeTable,
  OutageAnnouncementTable,
  ShutdownTable,
} from "../notices/schema.js";
import type { FuseCallCentreTable, PublicOfficerPhoneTable } from "../public/schema.js";

/** Row types of the store, as Kysely sees them. Times are ISO-8601 UTC strings; booleans are 0/1. */
export interface UnitTable {
  id: string;
  kind: string;
  parent_id: string | null;
  name: string;
  name_hi: string;
  lat: number;
  lon: number;
  /** JSON array of ancestor ids, root first, self last. */
  path: string;
  district_id: string | null;
  urban: number;
  a_class: number;
  synthetic: number;
  code: string | null;
}

export interface ConsumerTable {
  account: string;
  feeder_id: string;
  name: string;
  name_hi: string;
  phone: string;
  /** hi | en for notices (0008); null: Hindi unless their messages say otherwise. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReportTable {
  id: string;
  channel: string;
  external_id: string | null;
  idempotency_key: string | null;
  text: string;
  received_at: string;
  consumer_account: string | null;
  phone: string | null;
  lat: number | null;
  lon: number | null;
  category_hint: string | null;
  officer_id: string | null;
  source_url: string | null;
  /** The payload as the channel sent it (JSON), kept verbatim for audit. */
  raw: string | null;
  ticket_id: number;
  created_at: string;
}

export interface TicketTable {
  id: Generated<number>;
  number: string;
  status: string;
  category: string | null;
  confidence: number | null;
  channel: string;
  feeder_id: string | null;
  /** JSON array: root..feeder, or just the root while the ticket needs triage. */
  path: string;
  district_id: string | null;
  needs_triage: number;
  sla_state: string;
  created_at: string;
  due_at: string | null;
  at_risk_at: string | null;
  updated_at: string;
  resolved_at: string | null;
  closed_at: string | null;
  excerpt: string;
  report_count: number;
  assignee_id: string | null;
  escalation_level: number;
  incident_id: string | null;
  consumer_account: string | null;
  phone: string | null;
  last_seq: number;
  /** scrypt hash of the consumer's 6-digit closure OTP. */
  otp_hash: string | null;
  otp_attempts: number | null;
  resolved_by: string | null;
  resolution_note: string | null;
  /** How a closed ticket was closed: confirmed_otp, confirmed_feedback or unconfirmed (time-out). */
  closure: string | null;
  /** A resolved ticket with no answer by then closes as unconfirmed. */
  confirm_by: string | null;
  feedback_resolved: number | null;
  feedback_rating: number | null;
  false_closures: number | null;
  next_escalation_at: string | null;
  merged_into: string | null;
  first_resolved_at: string | null;
  /** The categoriser's best guess (including "other") when it was not sure enough to decide. */
  suggested_category: string | null;
}

export interface TicketEventTable {
  seq: Generated<number>;
  ticket_id: number;
  type: string;
  at: string;
  actor: string | null;
  /** JSON object. */
  data: string;
  /** JSON array: the ticket's path after the event (for filtering replays per unit). */
  path: string;
}

export interface TicketUnitTable {
  unit_id: string;
  ticket_id: number;
}

export interface OfficerTable {
  id: string;
  unit_id: string;
  role: string;
  name: string;
  name_hi: string;
  designation: string;
  designation_hi: string;
  phone: string;
  on_leave: number;
  stand_in_id: string | null;
  /** sms (default when null) or whatsapp: how this officer wants notices. */
  notify_by: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  ticket_id: number | null;
  channel: string;
  recipient: string;
  kind: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  /** text | template | interactive; null on rows from before 0005 (text). */
  format: string | null;
  /** The channel's JSON for a template or interactive message. */
  payload: string | null;
  /** Set on replies to one inbound message, so a redelivery queues nothing new. */
  dedupe_key: string | null;
  /** The node sending it now, and until when its claim holds (a dead node's claim expires). */
  claimed_by: string | null;
  claimed_until: string | null;
}

export interface ChannelContactTable {
  channel: string;
  /** The channel's address for the consumer: a normalised phone, a PSID, an X user id. */
  address: string;
  phone: string | null;
  /** hi | en, from the script of their last text; null when unknown. */
  language: string | null;
  last_inbound_at: string;
}

export interface MessageStatusTable {
  external_id: string;
  status: string;
  at: string;
  detail: string | null;
}

export interface ConversationTable {
  channel: string;
  address: string;
  ticket_id: number;
  awaiting: string | null;
  updated_at: string;
}

export interface IncidentTable {
  id: string;
  feeder_id: string;
  substation_id: string;
  path: string;
  status: string;
  started_at: string;
  resolved_at: string | null;
  report_count: number;
  consumers_affected: number;
  ticket_count: number;
  resolution_note: string | null;
  last_seq: number;
  /** JSON array of the feeders the outage covers. */
  feeders: string;
}

export type IncidentRow = Selectable<IncidentTable>;

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  name: string;
  role: string;
  unit_id: string;
  officer_id: string | null;
  /** scrypt$N$r$p$salt$hash (base64). */
  password_hash: string;
  disabled: number;
  /** Seeded by demo mode; production refuses to start while any exists. */
  demo: number;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  address: string;
}

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  /** SHA-256 (hex) of the whole key; keys are 256-bit random, so a fast hash is enough. */
  key_hash: string;
  /** JSON array of channels. */
  channels: string;
  rate_per_minute: number;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  kind: string;
  actor: string;
  address: string;
  /** JSON object. */
  detail: string;
}

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;

export interface Database {
  units: UnitTable;
  consumers: ConsumerTable;
  reports: ReportTable;
  tickets: TicketTable;
  ticket_events: TicketEventTable;
  ticket_units: TicketUnitTable;
  meta: MetaTable;
  officers: OfficerTable;
  outbox: OutboxTable;
  message_statuses: MessageStatusTable;
  conversations: ConversationTable;
  channel_contacts: ChannelContactTable;
  incidents: IncidentTable;
  settings: SettingTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  audit_log: AuditTable;
  inbox: InboxTable;
  public_officer_phones: PublicOfficerPhoneTable;
  fuse_call_centres: FuseCallCentreTable;
  notices: NoticeTable;
  outage_announcements: OutageAnnouncementTable;
  shutdowns: ShutdownTable;
  notice_opt_outs: NoticeOptOutTable;
  inbox_failures: InboxFailureTable;
}

/** A channel delivery stored as received (after its signature check), then processed in order. */
export interface InboxTable {
  id: Generated<number>;
  channel: string;
  received_at: string;
  /** The raw body, exactly as signed. */
  body: string;
  status: "pending" | "done" | "failed";
  attempts: number;
  error: string | null;
  summary: string | null;
  processed_at: string | null;
  /** Messages of the delivery processed so far, in order: the worker resumes at this one. */
  messages_done: Generated<number>;
  /** The node working through the delivery (see inbox/claims.ts), or null when nobody is. */
  claimed_by: string | null;
  /** When that claim lapses unless renewed: another node may then take the delivery over. */
  claimed_until: string | null;
}

/** A message of an inbox delivery that could not be processed: recorded once, then skipped. */
export interface InboxFailureTable {
  inbox_id: number;
  /** Its place in the delivery, from 0. */
  position: number;
  error: string;
  /** The message as it came, JSON. */
  message: string;
  at: string;
}
