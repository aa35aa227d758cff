import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in both dialects (timestamptz on PostgreSQL, normalised on read). */
type Timestamp = string;

export type Role = 'admin' | 'manager' | 'agent' | 'customer';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  timezone: string;
  /** JSON array of strings */
  skills: string;
  /** JSON array of language codes */
  languages: string;
  /** For role 'customer': the customer record this portal account belongs to. */
  customer_id: number | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last TOTP time step spent at sign-in or set-up; a code of that step or before is refused. */
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  deactivated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  description: string;
  lead_id: number | null;
  /** The business-hours calendar the team works to; null: its policies' or the default. */
  calendar_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface SessionsTable {
  /** sha256 of the cookie value */
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  role: Exclude<Role, 'customer'>;
  token_hash: string;
  token_prefix: string;
  created_by: number | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_type: 'user' | 'token' | 'system';
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON object: field -> { before, after } */
  changes: string;
  ip: string | null;
  created_at: Timestamp;
}

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  /** JSON array of email domains whose senders belong here */
  domains: string;
  notes: string;
  /** JSON array of strings */
  tags: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<number>;
  email: string | null;
  name: string;
  phone: string | null;
  organization_id: number | null;
  timezone: string | null;
  language: string | null;
  /** JSON array of strings */
  tags: Generated<string>;
  merged_into_id: number | null;
  /** 1: mail the customer an agent's reply; 0: they read it in the portal. */
  mail_on_reply: Generated<number>;
  /** 1: mail the customer when their request is solved. */
  mail_on_solved: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerEmailsTable {
  email: string;
  customer_id: number;
}

export interface CustomerNotesTable {
  id: Generated<number>;
  customer_id: number;
  author_id: number | null;
  body: string;
  created_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  position: number;
  archived_at: Timestamp | null;
  created_at: Timestamp;
}

export type CustomFieldType = 'text' | 'number' | 'dropdown' | 'date' | 'checkbox';

export interface CustomFieldsTable {
  id: Generated<number>;
  key: string;
  label: string;
  type: CustomFieldType;
  /** JSON array of dropdown options */
  options: string;
  /** JSON array of ticket types the field applies to; empty = all */
  ticket_types: string;
  required: number;
  position: number;
  archived_at: Timestamp | null;
  created_at: Timestamp;
}

export type TicketChannel = 'email' | 'web' | 'portal' | 'api' | 'phone' | 'walk_in' | 'other';
export type TicketType = 'question' | 'complaint' | 'incident' | 'task';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';

export interface TicketsTable {
  id: Generated<number>;
  subject: string;
  requester_id: number;
  organization_id: number | null;
  channel: TicketChannel;
  type: TicketType;
  priority: TicketPriority;
  status: TicketStatus;
  /** 1 while the status is new, open, pending or on hold; kept by the tickets repository. */
  is_open: Generated<number>;
  category_id: number | null;
  assignee_id: number | null;
  team_id: number | null;
  due_at: Timestamp | null;
  escalated_at: Timestamp | null;
  escalation_reason: string | null;
  escalated_to_id: number | null;
  /** JSON object: custom field key -> value */
  custom_fields: string;
  /** JSON array of tags (ticket_tags is the index for filtering) */
  tags: string;
  version: Generated<number>;
  first_reply_at: Timestamp | null;
  solved_at: Timestamp | null;
  closed_at: Timestamp | null;
  last_message_at: Timestamp | null;
  /** When the customer last wrote (automatic mail left out). */
  last_customer_message_at: Timestamp | null;
  /** The customer's oldest message after the last public answer of an agent; null when answered. */
  waiting_since: Timestamp | null;
  merged_into_id: number | null;
  follow_up_of_id: number | null;
  message_count: Generated<number>;
  /** The service-level clock that runs out next (ADR 0021); kept by the sla module through the tickets repository. */
  sla_metric: string | null;
  /** When that clock runs out; null while it is paused. */
  sla_due_at: Timestamp | null;
  sla_warn_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketTagsTable {
  ticket_id: number;
  tag: string;
}

export type MessageKind = 'reply' | 'note' | 'customer' | 'call' | 'visit' | 'contact' | 'system';

export interface MessagesTable {
  id: Generated<number>;
  ticket_id: number;
  kind: MessageKind;
  author_user_id: number | null;
  author_customer_id: number | null;
  channel: TicketChannel;
  /** What the author wrote (Markdown) */
  body: string;
  /** The sanitised HTML shown to readers */
  body_html: string;
  /** JSON: cc, call duration and outcome, merged-from */
  meta: string;
  /** JSON {to, cc, bcc}: who an agent's reply was written to (null for other messages) */
  recipients: string | null;
  created_at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<number>;
  /** Null while a customer's file waits for the new request it goes with. */
  ticket_id: number | null;
  message_id: number | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by_user_id: number | null;
  uploaded_by_customer_id: number | null;
  created_at: Timestamp;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  type: string;
  actor_type: 'user' | 'token' | 'customer' | 'system';
  actor_id: number | null;
  from_value: string | null;
  to_value: string | null;
  created_at: Timestamp;
  /** 1 for events written by seeding or a back-fill: history, never a reason to send mail */
  historic: Generated<number>;
}

export interface ViewsTable {
  id: Generated<number>;
  name: string;
  /** null = shared with everyone */
  owner_id: number | null;
  filters: string;
  sort: string;
  columns: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  ticket_id: number | null;
  message_id: number | null;
  actor_name: string;
  /** What a notification about a service level names: the target ("First reply"). */
  detail: string | null;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface TicketSearchTable {
  rowid: number;
  subject: string;
  body: string;
  customer: string;
}

export interface MagicLinksTable {
  token_hash: string;
  email: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
  /** The address the link was asked from (null for links from before it was kept). */
  requester_ip: string | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** JSON object of extra headers (Message-ID, In-Reply-To, References) */
  headers: string;
  ticket_id: number | null;
  /** `logged`: no mail server was configured, so the mail went to the log instead */
  status: 'queued' | 'sending' | 'sent' | 'logged' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  from_address: string | null;
  from_name: string | null;
  /** JSON array of addresses */
  cc: string | null;
  /** JSON array of hidden-copy addresses */
  bcc: string | null;
  mailbox_id: number | null;
  /** The ticket message this mail carries (agent replies): its delivery shows on the ticket */
  message_row_id: number | null;
  /** JSON array of attachment ids sent with the mail */
  attachment_ids: string | null;
  /** Template key or purpose, e.g. ticket_received, agent_replied, sign_in_link */
  kind: string | null;
  /** JSON array of files built for the mail ({ filename, contentType, content }), e.g. a report's CSV */
  files: string | null;
  /** When the current sending attempt claimed the mail, and which process did */
  claimed_at: Timestamp | null;
  claimed_by: string | null;
}

export type InboundMethod = 'smtp' | 'imap';

export interface MailboxesTable {
  id: Generated<number>;
  address: string;
  display_name: string;
  default_team_id: number | null;
  default_category_id: number | null;
  signature: string;
  inbound_method: InboundMethod;
  /** JSON ImapSettings when inbound_method is imap */
  imap: string | null;
  imap_claimed_until: Timestamp | null;
  imap_last_polled_at: Timestamp | null;
  imap_last_error: string | null;
  /** Outbound SMTP URL for this mailbox; null uses SMTP_URL */
  smtp_url: string | null;
  auto_ack: number;
  ack_subject: string | null;
  ack_body: string | null;
  is_default: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type InboundStatus = 'queued' | 'processed' | 'failed' | 'spam' | 'ignored';

export interface InboundMailTable {
  id: Generated<number>;
  mailbox_id: number | null;
  source: 'smtp' | 'imap';
  envelope_from: string | null;
  /** JSON array of envelope recipients */
  recipients: string;
  message_id: string | null;
  /** SHA-256 of the content without transport headers; null for mail kept before it was taken */
  fingerprint: string | null;
  /** Another, different mail with the same Message-ID was kept before this one */
  message_id_clash: Generated<number>;
  sender: string | null;
  subject: string;
  raw: Buffer;
  size: number;
  status: InboundStatus;
  reason: string | null;
  attempts: number;
  /** An admin released it from spam or ignored: process it without the spam and loop checks */
  released: number;
  ticket_id: number | null;
  received_at: Timestamp;
  processed_at: Timestamp | null;
}

export interface MailMessageIdsTable {
  message_id: string;
  ticket_id: number;
  direction: 'in' | 'out';
  created_at: Timestamp;
  /** The outbox mail that carried an outgoing Message-ID */
  outbox_id: number | null;
}

export interface TicketMailTable {
  ticket_id: number;
  mailbox_id: number | null;
  /** JSON array of addresses kept in copy on replies */
  cc: string;
  /** JSON array of {address, messageId, from, at}: copies a mail suggested, for an agent to add or dismiss */
  suggested_cc: Generated<string>;
}

export interface MailRulesTable {
  id: Generated<number>;
  kind: 'block_sender' | 'header';
  header: string | null;
  pattern: string;
  note: string;
  created_at: Timestamp;
}

export interface MailTemplatesTable {
  key: string;
  subject: string;
  body: string;
  enabled: number;
  updated_at: Timestamp;
}

/** An item a background job could not process: retried with backoff, then kept as a dead letter. */
export interface JobFailuresTable {
  id: Generated<number>;
  /** The job, e.g. mail-notifications, mail, imap */
  job: string;
  /** The item within the job: a ticket event id, an outbox id, a mailbox id */
  item_key: string;
  /** What the item is, for people */
  label: string;
  status: 'retrying' | 'dead';
  attempts: number;
  last_error: string;
  next_attempt_at: Timestamp;
  first_failed_at: Timestamp;
  updated_at: Timestamp;
}

/** A business-hours calendar (migration 0024): its zone and weekly hours; holidays beside it. */
export interface BusinessCalendarsTable {
  id: Generated<number>;
  name: string;
  timezone: string;
  is_default: number;
  /** JSON: [{ day, start, end }] with "HH:MM" times */
  hours: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BusinessHolidaysTable {
  id: Generated<number>;
  calendar_id: number;
  date: string;
  name: string;
  yearly: number;
}

export interface EventCursorsTable {
  name: string;
  last_id: number;
}

/** Counters moved by triggers when something cached elsewhere changes (migration 0008). */
export interface ChangeEpochsTable {
  name: string;
  value: number;
}

/** Open tickets by team, status and assignee (0 for none), in slots by ticket id (migration 0047). */
export interface OpenTicketCountsTable {
  team_id: number;
  status: TicketStatus;
  assignee_id: number;
  slot: number;
  n: number;
}

export interface SlaPoliciesTable {
  id: Generated<number>;
  name: string;
  description: string;
  position: number;
  active: number;
  /** JSON: the policy's conditions (contracts/sla.ts) */
  conditions: string;
  /** JSON: targets per priority and metric */
  targets: string;
  calendar_id: number | null;
  /** JSON array of statuses */
  pause_on: string;
  warn_percent: number;
  raise_priority: number;
  escalate_team_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContractsTable {
  id: Generated<number>;
  organization_id: number;
  plan: string;
  sla_policy_id: number | null;
  /** YYYY-MM-DD */
  starts_on: string;
  ends_on: string;
  entitlement_kind: 'tickets' | 'hours' | null;
  entitlement_per_month: number | null;
  owner_id: number | null;
  review_days: number;
  reminded_at: Timestamp | null;
  notes: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveySettingsTable {
  id: number;
  enabled: number;
  scale: 'binary' | 'five';
  ask_effort: number;
  delay_minutes: number;
  /** JSON lists: channels, ticket types, team ids (empty: all) */
  channels: string;
  types: string;
  team_ids: string;
  change_days: number;
  link_days: number;
  updated_at: Timestamp;
}

export interface SurveyReasonsTable {
  id: Generated<number>;
  label: string;
  position: number;
  active: number;
  created_at: Timestamp;
}

export interface SurveysTable {
  id: Generated<number>;
  ticket_id: number;
  customer_id: number;
  agent_id: number | null;
  team_id: number | null;
  scale: 'binary' | 'five';
  ask_effort: number;
  status: 'scheduled' | 'sent' | 'answered' | 'cancelled';
  /** sha256 of the link's token; set when the survey is sent */
  token_hash: string | null;
  due_at: Timestamp;
  sent_at: Timestamp | null;
  expires_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NpsSettingsTable {
  id: number;
  company: string;
  cap_days: number;
  link_days: number;
  updated_at: Timestamp;
}

export interface NpsCampaignsTable {
  id: Generated<number>;
  name: string;
  question: string;
  /** JSON: organizationIds, tags, plans, activeDays */
  segment: string;
  cadence: 'once' | 'monthly' | 'quarterly';
  status: 'draft' | 'active' | 'paused' | 'finished';
  starts_at: Timestamp;
  next_run_at: Timestamp | null;
  last_run_at: Timestamp | null;
  runs: number;
  skipped_cap: number;
  skipped_unsubscribed: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NpsRecipientsTable {
  id: Generated<number>;
  campaign_id: number;
  run: number;
  customer_id: number;
  organization_id: number | null;
  token_hash: string;
  sent_at: Timestamp;
  expires_at: Timestamp;
  score: number | null;
  comment: string;
  answered_at: Timestamp | null;
  updated_at: Timestamp | null;
  /** AFINN sum of the comment's words (migration 0045); null until scored, and while unanswered */
  sentiment_score: number | null;
  /** the score per word */
  sentiment_comparative: number | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
}

export interface NpsOptoutsTable {
  customer_id: number;
  source: 'link' | 'portal';
  created_at: Timestamp;
}

export interface SurveyAnswersTable {
  id: Generated<number>;
  survey_id: number;
  ticket_id: number;
  customer_id: number;
  organization_id: number | null;
  agent_id: number | null;
  team_id: number | null;
  category_id: number | null;
  channel: string;
  scale: 'binary' | 'five';
  rating: number;
  positive: number;
  effort: number | null;
  comment: string;
  reason_id: number | null;
  answered_at: Timestamp;
  updated_at: Timestamp;
  /** AFINN sum of the comment's words (migration 0038); null until scored */
  sentiment_score: number | null;
  /** the score per word */
  sentiment_comparative: number | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
}

/** Feedback themes ("slow", "billing") and the keyword rules that tag answers with them (migration 0038). */
export interface FeedbackThemesTable {
  id: Generated<number>;
  name: string;
  created_at: Timestamp;
}

export interface FeedbackThemeRulesTable {
  id: Generated<number>;
  theme_id: number;
  /** JSON: the rule's words and phrases, lower case */
  phrases: string;
  active: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyAnswerThemesTable {
  answer_id: number;
  theme_id: number;
  source: 'manual' | 'rule';
  created_at: Timestamp;
}

/** The themes an NPS answer (a campaign recipient's row) is tagged with (migration 0045). */
export interface NpsAnswerThemesTable {
  answer_id: number;
  theme_id: number;
  source: 'manual' | 'rule';
  created_at: Timestamp;
}

export interface FollowUpSettingsTable {
  id: number;
  due_hours: number;
  updated_at: Timestamp;
}

/** The task a negative answer opens (migration 0038): one per answer source (kind + id). */
export interface FollowUpsTable {
  id: Generated<number>;
  source_kind: 'csat' | 'nps';
  source_id: number;
  ticket_id: number | null;
  customer_id: number;
  team_id: number | null;
  /** the team's lead; null: the managers */
  owner_id: number | null;
  summary: string;
  state: 'open' | 'contacted' | 'resolved';
  outcome: 'recovered' | 'not_recovered' | 'no_response' | null;
  outcome_note: string;
  contact_ticket_id: number | null;
  due_at: Timestamp;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FollowUpEventsTable {
  id: Generated<number>;
  follow_up_id: number;
  actor_id: number | null;
  kind: 'opened' | 'state' | 'contacted' | 'reopened';
  from_state: string | null;
  to_state: string;
  outcome: string | null;
  note: string;
  ticket_id: number | null;
  at: Timestamp;
}

/** Testimonial requests and the consent given (migration 0041). */
export interface TestimonialSettingsTable {
  id: number;
  enabled: number;
  subject: string;
  body: string;
  consent_wording: string;
  cap_days: number;
  link_days: number;
  delay_minutes: number;
  updated_at: Timestamp;
}

export interface TestimonialsTable {
  id: Generated<number>;
  source_kind: 'csat' | 'nps';
  /** the survey answer's or NPS recipient's id */
  source_id: number;
  customer_id: number;
  organization_id: number | null;
  quote: string;
  score: number;
  /** scheduled → requested → approved / declined → withdrawn; skipped: not sent (unsubscribed, asked recently) */
  state: 'scheduled' | 'skipped' | 'requested' | 'approved' | 'declined' | 'withdrawn';
  due_at: Timestamp;
  token_hash: string | null;
  requested_at: Timestamp | null;
  expires_at: Timestamp | null;
  consent_wording: string | null;
  display_as: 'full' | 'first_org' | 'anonymous' | null;
  display_name: string | null;
  display_organization: string | null;
  consented_at: Timestamp | null;
  declined_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  published: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Who referred whom (migration 0041), and the reward state's history. */
export interface ReferralsTable {
  id: Generated<number>;
  referrer_id: number;
  referred_id: number;
  source: 'phone' | 'portal' | 'email' | 'event' | 'other';
  note: string;
  ticket_id: number | null;
  order_ref: string;
  state: 'pending' | 'qualified' | 'rewarded' | 'declined';
  created_by: number | null;
  state_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralEventsTable {
  id: Generated<number>;
  referral_id: number;
  from_state: ReferralsTable['state'] | null;
  to_state: ReferralsTable['state'];
  actor_id: number | null;
  note: string;
  at: Timestamp;
}

export interface TicketSlaTable {
  ticket_id: number;
  policy_id: number | null;
  /** JSON: the ticket's clocks (server/modules/sla/sla.rules.ts) */
  clocks: string;
  /** The next warning or breach the sweep must record; null when no clock runs. */
  next_check_at: Timestamp | null;
  revision: number;
  updated_at: Timestamp;
}

export interface SlaEventsTable {
  id: Generated<number>;
  ticket_id: number;
  type: string;
  metric: string | null;
  policy_id: number | null;
  /** JSON: what the event needs to be read in words */
  detail: string;
  at: Timestamp;
}

/** The report dimensions of an hourly aggregate row (migration 0039); 0 or '' = none. */
export interface ReportKeyColumns {
  /** UTC hour start */
  hour: Timestamp;
  team_id: number;
  agent_id: number;
  channel: string;
  category_id: number;
  priority: string;
  type: string;
  organization_id: number;
}

/** Counters per hour and dimensions, folded from events (migration 0039), at a grain (0049). */
export interface ReportHoursTable extends ReportKeyColumns {
  /** `all` (every dimension) or a grain summed over the dimensions it leaves out (reports.grains.ts) */
  grain: Generated<string>;
  created: number;
  solved: number;
  reopened: number;
  merged: number;
  replies: number;
  agent_replies: number;
  one_touch: number;
  sla_first_reply_achieved: number;
  sla_first_reply_breached: number;
  sla_next_reply_achieved: number;
  sla_next_reply_breached: number;
  sla_periodic_update_achieved: number;
  sla_periodic_update_breached: number;
  sla_resolution_achieved: number;
  sla_resolution_breached: number;
}

/**
 * Trend chart figures per UTC hour, dimension (`tag`, `category`, `organization`, `field:<key>`
 * of a dropdown custom field, `all`: every ticket and answer once) and value ('' = none), folded from events (migration 0046).
 */
export interface ReportDimensionHoursTable {
  hour: Timestamp;
  dimension: string;
  value: string;
  /** tickets opened in the hour that carry the value now */
  created: number;
  /** survey answers given in the hour, their positive ones and their effort scores */
  answers: number;
  positive: number;
  effort_sum: number;
  effort_n: number;
}

/** A read-only link to one report with its filters frozen; only the token's hash is kept (migration 0044). */
export interface ReportSharesTable {
  id: Generated<number>;
  token_hash: string;
  report: string;
  /** JSON of the report filters, period included */
  filters: string;
  label: string;
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** A report mailed on a cadence (migration 0044). */
export interface ReportSchedulesTable {
  id: Generated<number>;
  name: string;
  report: string;
  /** JSON of the report filters without the period */
  filters: string;
  cadence: 'daily' | 'weekly' | 'monthly';
  weekday: number | null;
  month_day: number | null;
  hour: number;
  /** JSON array of staff user ids */
  user_ids: string;
  /** JSON array of plain addresses */
  emails: string;
  active: number;
  next_run_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One send of a schedule; unique on (schedule, period) so a period is sent once (migration 0044). */
export interface ReportScheduleRunsTable {
  id: Generated<number>;
  schedule_id: number;
  /** The local date of the slot; null for a test send */
  period_key: string | null;
  status: 'sending' | 'sent' | 'failed' | 'dead';
  attempts: number;
  error: string | null;
  period_from: string | null;
  period_to: string | null;
  recipients: number;
  next_attempt_at: Timestamp | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/**
 * How many durations fell in each log-scale bucket per hour and dimensions (migration 0039), at a
 * grain (0049): `all` rows per hour, the coarser grains per UTC day (`hour` is its midnight).
 */
export interface ReportDurationsTable extends ReportKeyColumns {
  grain: Generated<string>;
  metric: string;
  bucket: number;
  count: number;
}

/** One agent's work on one ticket in one hour, `agent_id` being who acted (migration 0049). */
export interface ReportActivityTable extends ReportKeyColumns {
  ticket_id: number;
  replies: number;
  solved: number;
  touches: number;
  /** minutes of time logged (less time entries removed) */
  minutes: number;
}

/** Minutes a staff member spent on a ticket (migration 0050). */
export interface TicketTimeEntriesTable {
  id: Generated<number>;
  ticket_id: number;
  /** who spent the time and logged it; null once that person is deleted */
  user_id: number | null;
  minutes: number;
  note: string;
  created_at: Timestamp;
}

/** Each ticket as the report fold last left it (JSON), migration 0039. */
export interface ReportTicketStateTable {
  ticket_id: number;
  state: string;
}

export interface ReportCursorsTable {
  name: string;
  last_id: number;
}

/** Who is writing a reply to which ticket, until when (migration 0029). */
export interface TicketReplyingTable {
  ticket_id: number;
  user_id: number;
  expires_at: Timestamp;
}

/** Mail with a third party about a ticket (migration 0032): never shown to the customer. */
export interface SideConversationsTable {
  id: Generated<number>;
  ticket_id: number;
  subject: string;
  /** JSON array of the third party's addresses */
  recipients: string;
  created_by_user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SideConversationMessagesTable {
  id: Generated<number>;
  side_conversation_id: number;
  /** `out`: an agent wrote it; `in`: the third party's reply */
  direction: 'in' | 'out';
  author_user_id: number | null;
  author_name: string;
  from_address: string;
  body: string;
  /** Without angle brackets; replies name it in In-Reply-To or References */
  message_id: string;
  outbox_id: number | null;
  created_at: Timestamp;
}

/** A canned reply or note with field changes (migration 0033). */
export interface MacrosTable {
  id: Generated<number>;
  name: string;
  description: string;
  /** Markdown with placeholders such as {{requester.first_name}} */
  body: string;
  /** 1: the text is an internal note */
  internal: number;
  /** JSON: the field changes (contracts/macros.ts, macroActionsSchema) */
  actions: string;
  visibility: 'personal' | 'team' | 'shared';
  team_id: number | null;
  owner_id: number | null;
  usage_count: number;
  last_used_at: Timestamp | null;
  created_by_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Ordered rules run on every ticket change (the automation module). */
export interface TriggersTable {
  id: Generated<number>;
  name: string;
  active: number;
  position: number;
  /** create, update or both */
  run_on: string;
  /** JSON: contracts/automation.ts conditions */
  conditions: string;
  /** JSON: contracts/automation.ts actions */
  actions: string;
  fired_count: Generated<number>;
  last_fired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A team's assignment method (manual, round robin, least loaded) and the round-robin cursor. */
export interface TeamRoutingTable {
  team_id: number;
  method: 'manual' | 'round_robin' | 'least_loaded';
  redistribute_offline: number;
  /** Unassigned tickets older than this alert the team's lead; null: no alert. */
  alert_after_minutes: number | null;
  /** The agent the team's round robin gave the last ticket to. */
  cursor_user_id: number | null;
  updated_at: Timestamp;
}

export interface AgentRoutingTable {
  user_id: number;
  /** JSON object: channel -> the most open tickets of that channel (absent: unlimited) */
  capacity: string;
  /** JSON object: skill name (lower case) -> proficiency 1..5 */
  skill_levels: string;
  updated_at: Timestamp;
}

export interface AgentPresenceTable {
  user_id: number;
  status: 'online' | 'away' | 'offline';
  /** What set it: the agent, inactivity, sign-out, deactivation */
  reason: 'set' | 'inactive' | 'signed_out' | 'deactivated';
  changed_at: Timestamp;
}

export interface RoutingLogTable {
  id: Generated<number>;
  ticket_id: number;
  team_id: number | null;
  method: string;
  assignee_id: number | null;
  outcome: 'assigned' | 'unassigned';
  reason: string;
  /** JSON: candidates, language, skills the decision saw */
  detail: string;
  created_at: Timestamp;
}

/** A run of the data-quality checks (the data-quality module). */
export interface DataQualityRunsTable {
  id: Generated<number>;
  trigger: 'daily' | 'manual';
  /** YYYY-MM-DD of the daily run (unique: one per day across nodes); null for runs asked for. */
  daily_key: string | null;
  score_tenths: number;
  /** JSON array of findings */
  findings: string;
  ran_at: Timestamp;
}

export interface GoalsTable {
  id: Generated<number>;
  name: string;
  description: string;
  /** A key of `goalKpis` (contracts/goals.ts). */
  kpi: string;
  target: number;
  period_kind: 'month' | 'quarter' | 'custom';
  /** YYYY-MM-DD, first and last day included. */
  period_from: string;
  period_to: string;
  owner_kind: 'department' | 'team' | 'agent';
  team_id: number | null;
  agent_id: number | null;
  /** The trajectory the hourly evaluation last found; null until evaluated. */
  last_trajectory: string | null;
  evaluated_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoutingAlertsTable {
  ticket_id: number;
  team_id: number | null;
  notified_id: number | null;
  alerted_at: Timestamp;
}

/** Rules a periodic job runs over open tickets (the automation module). */
export interface AutomationsTable {
  id: Generated<number>;
  name: string;
  active: number;
  position: number;
  /** custom, or auto_close (the default "solved N days: close") */
  kind: string;
  /** auto_close on the default automation (unique), else null */
  system_key: string | null;
  conditions: string;
  actions: string;
  acted_count: Generated<number>;
  last_run_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An automation acted on a ticket in a period (unique: once per rule, ticket and period). */
export interface AutomationClaimsTable {
  id: Generated<number>;
  automation_id: number;
  ticket_id: number;
  period_key: string;
  acted_at: Timestamp;
}

/** A number that moves with every change of the triggers or automations (compiled copies reload). */
export interface AutomationRevisionsTable {
  name: string;
  revision: number;
}

/** A surge in a category's incoming tickets or negative answers (migration 0042, the reports module). */
export interface SpikeAlertsTable {
  id: Generated<number>;
  category_id: number;
  /** 'volume': incoming tickets per hour; 'negative': negative answers per hour */
  measure: string;
  state: 'open' | 'acknowledged' | 'resolved';
  /** The first spike hour (UTC hour start) */
  started_at: Timestamp;
  /** The latest spike hour */
  last_seen_at: Timestamp;
  observed: number;
  expected: number;
  z: number;
  /** JSON array of the tickets in the spike hours (at most 50) */
  ticket_ids: string;
  acknowledged_by: number | null;
  acknowledged_at: Timestamp | null;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The spike job's runs, one per slot across nodes (migration 0042). */
export interface SpikeRunsTable {
  slot: string;
  ran_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  organizations: OrganizationsTable;
  customers: CustomersTable;
  customer_emails: CustomerEmailsTable;
  customer_notes: CustomerNotesTable;
  categories: CategoriesTable;
  custom_fields: CustomFieldsTable;
  tickets: TicketsTable;
  ticket_tags: TicketTagsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  ticket_events: TicketEventsTable;
  views: ViewsTable;
  notifications: NotificationsTable;
  settings: SettingsTable;
  ticket_search: TicketSearchTable;
  magic_links: MagicLinksTable;
  customer_search: { rowid: number };
  mail_outbox: MailOutboxTable;
  mailboxes: MailboxesTable;
  inbound_mail: InboundMailTable;
  mail_message_ids: MailMessageIdsTable;
  ticket_mail: TicketMailTable;
  ticket_replying: TicketReplyingTable;
  mail_rules: MailRulesTable;
  mail_templates: MailTemplatesTable;
  event_cursors: EventCursorsTable;
  job_failures: JobFailuresTable;
  change_epochs: ChangeEpochsTable;
  open_ticket_counts: OpenTicketCountsTable;
  business_calendars: BusinessCalendarsTable;
  business_holidays: BusinessHolidaysTable;
  sla_policies: SlaPoliciesTable;
  ticket_sla: TicketSlaTable;
  sla_events: SlaEventsTable;
  contracts: ContractsTable;
  side_conversations: SideConversationsTable;
  side_conversation_messages: SideConversationMessagesTable;
  survey_settings: SurveySettingsTable;
  survey_reasons: SurveyReasonsTable;
  surveys: SurveysTable;
  survey_answers: SurveyAnswersTable;
  nps_settings: NpsSettingsTable;
  nps_campaigns: NpsCampaignsTable;
  nps_recipients: NpsRecipientsTable;
  nps_optouts: NpsOptoutsTable;
  testimonial_settings: TestimonialSettingsTable;
  testimonials: TestimonialsTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  feedback_themes: FeedbackThemesTable;
  feedback_theme_rules: FeedbackThemeRulesTable;
  survey_answer_themes: SurveyAnswerThemesTable;
  nps_answer_themes: NpsAnswerThemesTable;
  follow_up_settings: FollowUpSettingsTable;
  follow_ups: FollowUpsTable;
  follow_up_events: FollowUpEventsTable;
  macros: MacrosTable;
  team_routing: TeamRoutingTable;
  agent_routing: AgentRoutingTable;
  agent_presence: AgentPresenceTable;
  routing_log: RoutingLogTable;
  routing_alerts: RoutingAlertsTable;
  data_quality_runs: DataQualityRunsTable;
  triggers: TriggersTable;
  automations: AutomationsTable;
  automation_claims: AutomationClaimsTable;
  automation_revisions: AutomationRevisionsTable;
  report_hours: ReportHoursTable;
  report_dimension_hours: ReportDimensionHoursTable;
  report_durations: ReportDurationsTable;
  report_activity: ReportActivityTable;
  ticket_time_entries: TicketTimeEntriesTable;
  report_ticket_state: ReportTicketStateTable;
  report_cursors: ReportCursorsTable;
  spike_alerts: SpikeAlertsTable;
  spike_runs: SpikeRunsTable;
  goals: GoalsTable;
  report_shares: ReportSharesTable;
  report_schedules: ReportSchedulesTable;
  report_schedule_runs: ReportScheduleRunsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type AuditRow = Selectable<AuditLogTable>;

/** A handle on the database (the tables above). */
export type Db = Kysely<Database>;
/** A database handle or an open transaction: repositories accept either. */
export type DbOrTrx = Db | Transaction<Database>;
