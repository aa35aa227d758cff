import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const modules = path.resolve(import.meta.dirname, '../../server/modules');

/** Which module's repository writes each table (docs/ARCHITECTURE.md, "Boundaries"). */
const OWNERS: Record<string, string> = {
  api_tokens: 'tokens',
  attachments: 'attachments',
  automation_claims: 'automation',
  automation_revisions: 'automation',
  automations: 'automation',
  triggers: 'automation',
  business_calendars: 'business-hours',
  business_holidays: 'business-hours',
  categories: 'ticket-fields',
  contracts: 'contracts',
  custom_fields: 'ticket-fields',
  customer_emails: 'customers',
  customer_notes: 'customers',
  customers: 'customers',
  event_cursors: 'notifications',
  goals: 'goals',
  inbound_mail: 'mail-intake',
  magic_links: 'portal',
  mail_message_ids: 'mailboxes',
  mail_rules: 'mailboxes',
  mail_templates: 'mailboxes',
  macros: 'macros',
  mailboxes: 'mailboxes',
  messages: 'tickets',
  notifications: 'notifications',
  organizations: 'customers',
  settings: 'settings',
  side_conversation_messages: 'side-conversations',
  side_conversations: 'side-conversations',
  sla_events: 'sla',
  sla_policies: 'sla',
  survey_answers: 'feedback',
  nps_settings: 'feedback',
  nps_campaigns: 'feedback',
  nps_recipients: 'feedback',
  nps_optouts: 'feedback',
  survey_answer_themes: 'feedback',
  nps_answer_themes: 'feedback',
  feedback_themes: 'feedback',
  feedback_theme_rules: 'feedback',
  follow_ups: 'feedback',
  follow_up_events: 'feedback',
  follow_up_settings: 'feedback',
  survey_reasons: 'feedback',
  testimonial_settings: 'feedback',
  testimonials: 'feedback',
  referrals: 'referrals',
  referral_events: 'referrals',
  survey_settings: 'feedback',
  surveys: 'feedback',
  team_members: 'teams',
  teams: 'teams',
  ticket_events: 'tickets',
  ticket_mail: 'mailboxes',
  ticket_sla: 'sla',
  ticket_replying: 'tickets',
  ticket_tags: 'tickets',
  ticket_time_entries: 'tickets',
  open_ticket_counts: 'tickets',
  tickets: 'tickets',
  users: 'users',
  team_routing: 'routing',
  agent_routing: 'routing',
  agent_presence: 'routing',
  routing_log: 'routing',
  routing_alerts: 'routing',
  report_hours: 'reports',
  report_durations: 'reports',
  report_activity: 'reports',
  report_dimension_hours: 'reports',
  report_ticket_state: 'reports',
  report_cursors: 'reports',
  spike_alerts: 'reports',
  spike_runs: 'reports',
  report_shares: 'reports',
  report_schedules: 'reports',
  report_schedule_runs: 'reports',
  views: 'queues',
  data_quality_runs: 'data-quality',
};

/** Every `insertInto('t')`, `updateTable('t')`, `deleteFrom('t')` in a module's files other than tests. */
function writes() {
  const found: { module: string; file: string; table: string }[] = [];
  for (const module of fs.readdirSync(modules)) {
    const dir = path.join(modules, module);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/\b(?:insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)'/g))
        found.push({ module, file, table: m[1]! });
    }
  }
  return found;
}

describe("a module's tables", () => {
  it('are written only by that module, and only in its repositories', () => {
    const all = writes();
    expect(all.length).toBeGreaterThan(20);
    const foreign = all
      .filter((w) => OWNERS[w.table] !== w.module)
      .map((w) => `${w.module}/${w.file}: ${w.table}`);
    expect(foreign).toEqual([]);
    const outsideRepositories = all.filter((w) => !w.file.endsWith('.repository.ts')).map((w) => w.file);
    expect(outsideRepositories).toEqual([]);
  });
});
