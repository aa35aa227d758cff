import { expect, it } from 'vitest';
import { type Auth, describeApi } from '../helpers/app';

/**
 * For every route that takes input: malformed JSON, unknown fields, wrong types and over-long
 * strings get 400 with a clear message, and nothing is written (row counts of every table stay).
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Case {
  method: Method;
  url: string;
  /** A body the route accepts, to vary one field at a time; undefined for query-only routes. */
  body?: Record<string, unknown>;
  /** A string field of the body or query to make too long. */
  longField?: string;
  /** A field to send with the wrong type. */
  typeField?: string;
  /** Query string routes: a valid query to vary. */
  query?: Record<string, string>;
}

const long = 'x'.repeat(5000);

/** Routes of the customer portal, sent by a signed-in customer. */
const customerCases: Case[] = [
  {
    method: 'POST',
    url: '/api/v1/portal/tickets',
    body: { subject: 'Help', body: 'Please help', attachmentIds: [] },
    longField: 'subject',
    typeField: 'attachmentIds',
  },
  {
    method: 'PUT',
    url: '/api/v1/portal/preferences',
    body: { mailOnReply: true, mailOnSolved: false },
    typeField: 'mailOnSolved',
  },
  {
    method: 'PUT',
    url: '/api/v1/portal/requests/1/survey',
    body: { rating: 1, comment: 'Thanks' },
    longField: 'comment',
    typeField: 'rating',
  },
  {
    method: 'PUT',
    url: '/api/v1/portal/survey-preference',
    body: { campaigns: false },
    typeField: 'campaigns',
  },
];
const cases: Case[] = [
  {
    method: 'PUT',
    url: '/api/v1/public/surveys/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd/answer',
    body: { rating: 4, comment: 'Thanks' },
    longField: 'comment',
    typeField: 'effort',
  },
  {
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { email: 'a@b.example', password: 'pw' },
    longField: 'password',
    typeField: 'email',
  },
  { method: 'PATCH', url: '/api/v1/me', body: { name: 'Me' }, longField: 'name', typeField: 'languages' },
  {
    method: 'POST',
    url: '/api/v1/portal/sessions',
    body: { token: 't'.repeat(40), totp: '123456' },
    longField: 'token',
    typeField: 'totp',
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/999999/merges',
    body: { sourceIds: [1], acknowledgeRequesterChange: true },
    longField: 'acknowledgeRequesterChange',
    typeField: 'acknowledgeRequesterChange',
  },
  {
    method: 'PUT',
    url: '/api/v1/me/password',
    body: { currentPassword: 'test-password-123', newPassword: 'another-password' },
    longField: 'newPassword',
    typeField: 'currentPassword',
  },
  {
    method: 'PUT',
    url: '/api/v1/me/two-factor',
    body: { code: '123456' },
    longField: 'code',
    typeField: 'code',
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/two-factor',
    body: { password: 'pw' },
    longField: 'password',
    typeField: 'password',
  },
  {
    method: 'POST',
    url: '/api/v1/users',
    body: { email: 'n@b.example', name: 'New', role: 'agent' },
    longField: 'name',
    typeField: 'teamIds',
  },
  {
    method: 'PATCH',
    url: '/api/v1/users/{self}',
    body: { name: 'Renamed' },
    longField: 'name',
    typeField: 'skills',
  },
  {
    method: 'PUT',
    url: '/api/v1/users/{self}/password',
    body: { password: 'a-new-password' },
    longField: 'password',
    typeField: 'password',
  },
  {
    method: 'POST',
    url: '/api/v1/teams',
    body: { name: 'Team' },
    longField: 'description',
    typeField: 'memberIds',
  },
  {
    method: 'PATCH',
    url: '/api/v1/teams/{team}',
    body: { name: 'Team 2' },
    longField: 'name',
    typeField: 'leadId',
  },
  {
    method: 'POST',
    url: '/api/v1/api-tokens',
    body: { name: 'T', role: 'agent' },
    longField: 'name',
    typeField: 'role',
  },
  { method: 'GET', url: '/api/v1/users', query: { q: 'a' }, longField: 'q', typeField: 'limit' },
  {
    method: 'GET',
    url: '/api/v1/reports/volume',
    query: { from: '2026-01-01', to: '2026-01-31' },
    longField: 'tz',
    typeField: 'teamId',
  },
  {
    method: 'GET',
    url: '/api/v1/reports/quality/export',
    query: { from: '2026-01-01', to: '2026-01-31', format: 'xlsx' },
    longField: 'tz',
    typeField: 'agentId',
  },
  {
    method: 'GET',
    url: '/api/v1/reports/drill',
    query: { metric: 'solved', from: '2026-01-01', to: '2026-01-31' },
    longField: 'tz',
    typeField: 'limit',
  },
  {
    method: 'POST',
    url: '/api/v1/goals',
    body: {
      name: 'Solve more',
      kpi: 'solved',
      target: 10,
      period: { kind: 'month', month: '2026-12' },
      owner: { kind: 'department' },
    },
    longField: 'name',
    typeField: 'target',
  },
  {
    method: 'PATCH',
    url: '/api/v1/goals/1',
    body: { name: 'Solve more' },
    longField: 'name',
    typeField: 'target',
  },
  {
    method: 'GET',
    url: '/api/v1/goals',
    query: { status: 'active' },
    longField: 'ownerKind',
    typeField: 'teamId',
  },
  {
    method: 'GET',
    url: '/api/v1/scorecards/agents/1',
    query: { from: '2026-01-01', to: '2026-01-31' },
    longField: 'from',
    typeField: 'to',
  },
  {
    method: 'GET',
    url: '/api/v1/scorecards/teams/1',
    query: { from: '2026-01-01', to: '2026-01-31' },
    longField: 'to',
    typeField: 'from',
  },
  {
    method: 'POST',
    url: '/api/v1/report-shares',
    body: { report: 'pain-points', filters: { from: '2026-01-01', to: '2026-01-31' }, label: 'Product' },
    longField: 'label',
    typeField: 'expiresInDays',
  },
  {
    method: 'POST',
    url: '/api/v1/report-schedules',
    body: {
      name: 'Weekly',
      report: 'volume',
      cadence: 'weekly',
      weekday: 1,
      hour: 8,
      emails: ['a@b.example'],
    },
    longField: 'name',
    typeField: 'hour',
  },
  {
    method: 'PATCH',
    url: '/api/v1/report-schedules/1',
    body: { name: 'Weekly' },
    longField: 'name',
    typeField: 'emails',
  },
  { method: 'GET', url: '/api/v1/teams', query: { q: 'a' }, longField: 'q', typeField: 'limit' },
  {
    method: 'GET',
    url: '/api/v1/api-tokens',
    query: { status: 'all' },
    longField: 'cursor',
    typeField: 'limit',
  },
  {
    method: 'GET',
    url: '/api/v1/api-tokens',
    query: { status: 'all', createdBy: '1' },
    longField: 'cursor',
    typeField: 'createdBy',
  },
  {
    method: 'GET',
    url: '/api/v1/audit-log',
    query: { entityType: 'user' },
    longField: 'entityType',
    typeField: 'actorId',
  },
  {
    method: 'GET',
    url: '/api/v1/audit-log/export',
    query: { entityType: 'user' },
    longField: 'entityId',
    typeField: 'actorId',
  },
  {
    method: 'POST',
    url: '/api/v1/mailboxes',
    body: { address: 'help@acme.example', displayName: 'Help' },
    longField: 'displayName',
    typeField: 'autoAck',
  },
  {
    method: 'POST',
    url: '/api/v1/mail-rules',
    body: { kind: 'block_sender', pattern: '@spam.example' },
    longField: 'pattern',
    typeField: 'kind',
  },
  {
    method: 'PATCH',
    url: '/api/v1/mail-templates/ticket_received',
    body: { subject: 'Got it [#{{ticket.id}}]' },
    longField: 'subject',
    typeField: 'enabled',
  },
  {
    method: 'POST',
    url: '/api/v1/mail-templates/agent_replied/preview',
    body: { subject: 'Hi', body: '{{message.body}}' },
    longField: 'subject',
    typeField: 'body',
  },
  {
    method: 'PATCH',
    url: '/api/v1/settings/mail',
    body: { senderLimitPerHour: 10 },
    longField: 'unused',
    typeField: 'senderLimitPerHour',
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/{ticket}/messages',
    body: { body: 'Hello', cc: ['friend@elsewhere.example'], bcc: [] },
    longField: 'cc',
    typeField: 'bcc',
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/{ticket}/messages/preview',
    body: { body: 'Hello **there**' },
    longField: 'unused',
    typeField: 'body',
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/{ticket}/time-entries',
    body: { minutes: 25, note: 'Called the courier' },
    longField: 'note',
    typeField: 'minutes',
  },
  {
    method: 'PATCH',
    url: '/api/v1/tickets/{ticket}/copies',
    body: { add: ['friend@elsewhere.example'] },
    longField: 'add',
    typeField: 'dismiss',
  },
  {
    method: 'PATCH',
    url: '/api/v1/testimonial-settings',
    body: { subject: 'May we quote you?', capDays: 90 },
    longField: 'subject',
    typeField: 'capDays',
  },
  {
    method: 'POST',
    url: '/api/v1/public/testimonials/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd',
    body: { decision: 'approve', displayAs: 'full' },
    longField: 'displayAs',
    typeField: 'decision',
  },
  {
    method: 'POST',
    url: '/api/v1/referrals',
    body: {
      referrerId: 1,
      referred: { email: 'new@referred.example', name: 'New' },
      source: 'phone',
      note: 'x',
    },
    longField: 'note',
    typeField: 'referrerId',
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/{ticket}/side-conversations',
    body: { to: ['orders@supplier.example'], subject: 'Stock', body: 'Any left?' },
    longField: 'subject',
    typeField: 'to',
  },
  {
    method: 'POST',
    url: '/api/v1/side-conversations/1/messages',
    body: { body: 'Any left?' },
    longField: 'unused',
    typeField: 'body',
  },
  {
    method: 'GET',
    url: '/api/v1/inbound-mail',
    query: { status: 'failed' },
    longField: 'q',
    typeField: 'limit',
  },
  {
    method: 'GET',
    url: '/api/v1/job-failures',
    query: { status: 'dead' },
    longField: 'cursor',
    typeField: 'limit',
  },
  {
    method: 'POST',
    url: '/api/v1/business-hours',
    body: {
      name: 'Head office',
      timezone: 'Europe/London',
      hours: [{ day: 1, start: '09:00', end: '17:00' }],
    },
    longField: 'name',
    typeField: 'hours',
  },
  {
    method: 'POST',
    url: '/api/v1/sla-policies',
    body: { name: 'Standard', targets: { normal: { first_reply: { minutes: 240, businessHours: true } } } },
    longField: 'name',
    typeField: 'warnAtPercent',
  },
  {
    method: 'PUT',
    url: '/api/v1/public/nps/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd/answer',
    body: { score: 9, comment: 'Great' },
    longField: 'comment',
    typeField: 'score',
  },
  {
    method: 'POST',
    url: '/api/v1/nps-campaigns',
    body: { name: 'Quarterly NPS', startsAt: '2026-01-01T09:00:00Z', segment: { tags: ['vip'] } },
    longField: 'name',
    typeField: 'segment',
  },
  {
    method: 'PATCH',
    url: '/api/v1/nps-settings',
    body: { company: 'Steward', capDays: 90 },
    longField: 'company',
    typeField: 'capDays',
  },
  {
    method: 'GET',
    url: '/api/v1/trends',
    query: { from: '2026-01-01', to: '2026-01-31' },
    longField: 'tz',
    typeField: 'top',
  },
  {
    method: 'PUT',
    url: '/api/v1/spike-alerts/settings',
    body: { threshold: 4, minCount: 5 },
    longField: 'threshold',
    typeField: 'minCount',
  },
  {
    method: 'PUT',
    url: '/api/v1/data-quality/settings',
    body: { staleDays: 7 },
    longField: 'staleDays',
    typeField: 'staleDays',
  },
  {
    method: 'POST',
    url: '/api/v1/data-quality/fixes',
    body: { check: 'deactivated-assignee', ticketIds: [1] },
    longField: 'check',
    typeField: 'ticketIds',
  },
  {
    method: 'POST',
    url: '/api/v1/surveys/reasons',
    body: { label: 'Slow answer' },
    longField: 'label',
    typeField: 'active',
  },
  {
    method: 'POST',
    url: '/api/v1/feedback/themes',
    body: { name: 'Slow' },
    longField: 'name',
    typeField: 'name',
  },
  {
    method: 'PATCH',
    url: '/api/v1/feedback/themes/1',
    body: { name: 'Slow' },
    longField: 'name',
    typeField: 'name',
  },
  {
    method: 'POST',
    url: '/api/v1/feedback/theme-rules',
    body: { themeId: 1, phrases: ['took ages'] },
    longField: 'unused',
    typeField: 'phrases',
  },
  {
    method: 'PATCH',
    url: '/api/v1/feedback/theme-rules/1',
    body: { active: false },
    longField: 'unused',
    typeField: 'active',
  },
  {
    method: 'GET',
    url: '/api/v1/survey-answers',
    query: { sentiment: 'negative' },
    longField: 'cursor',
    typeField: 'themeId',
  },
  {
    method: 'GET',
    url: '/api/v1/nps-answers',
    query: { group: 'detractor' },
    longField: 'cursor',
    typeField: 'score',
  },
  {
    method: 'GET',
    url: '/api/v1/follow-ups',
    query: { view: 'open' },
    longField: 'view',
    typeField: 'limit',
  },
  {
    method: 'PATCH',
    url: '/api/v1/follow-ups/1',
    body: { state: 'resolved', outcome: 'recovered', note: 'Called back' },
    longField: 'note',
    typeField: 'outcome',
  },
  {
    method: 'POST',
    url: '/api/v1/follow-ups/1/contact',
    body: { message: 'Can we call you?' },
    longField: 'subject',
    typeField: 'message',
  },
  {
    method: 'PATCH',
    url: '/api/v1/follow-ups/settings',
    body: { dueHours: 24 },
    longField: 'unused',
    typeField: 'dueHours',
  },
  {
    method: 'POST',
    url: '/api/v1/macros',
    body: { name: 'Refund sent', body: 'Hello {{requester.first_name}}', actions: { priority: 'high' } },
    longField: 'name',
    typeField: 'actions',
  },
  {
    method: 'GET',
    url: '/api/v1/macros',
    query: { visibility: 'shared' },
    longField: 'q',
    typeField: 'unused',
  },
  {
    method: 'POST',
    url: '/api/v1/macros/1/preview',
    body: { ticketId: 1 },
    longField: 'unused',
    typeField: 'ticketId',
  },
  {
    method: 'POST',
    url: '/api/v1/macros/1/apply',
    body: { ticketId: 1, version: 1 },
    longField: 'unused',
    typeField: 'version',
  },
  {
    method: 'PUT',
    url: '/api/v1/routing/teams/{team}',
    body: { method: 'round_robin', redistributeOffline: true, alertAfterMinutes: 30 },
    longField: 'method',
    typeField: 'alertAfterMinutes',
  },
  {
    method: 'PUT',
    url: '/api/v1/routing/agents/{self}',
    body: { skills: [{ name: 'Billing', level: 3 }], languages: ['en'], capacity: { email: 20 } },
    longField: 'skills',
    typeField: 'capacity',
  },
  {
    method: 'POST',
    url: '/api/v1/routing/reassign-queue',
    body: { fromUserId: 999999, route: true },
    longField: 'route',
    typeField: 'fromUserId',
  },
  {
    method: 'PUT',
    url: '/api/v1/presence',
    body: { status: 'online' },
    longField: 'status',
    typeField: 'status',
  },
  {
    method: 'GET',
    url: '/api/v1/routing/log',
    query: { ticketId: '1' },
    typeField: 'ticketId',
    longField: 'cursor',
  },
  {
    method: 'POST',
    url: '/api/v1/triggers',
    body: {
      name: 'Refunds',
      conditions: { all: [{ field: 'text', operator: 'contains', value: 'refund' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['refund'] }],
    },
    longField: 'name',
    typeField: 'conditions',
  },
  {
    method: 'PATCH',
    url: '/api/v1/triggers/999999',
    body: { name: 'Refunds' },
    longField: 'name',
    typeField: 'active',
  },
  { method: 'PUT', url: '/api/v1/triggers/order', body: { ids: [1] }, longField: 'ids', typeField: 'ids' },
  {
    method: 'POST',
    url: '/api/v1/triggers/dry-run',
    body: {
      trigger: {
        name: 'Refunds',
        conditions: { all: [{ field: 'text', operator: 'contains', value: 'refund' }], any: [] },
        actions: [{ type: 'add_tags', tags: ['refund'] }],
      },
    },
    longField: 'trigger',
    typeField: 'triggerId',
  },
  {
    method: 'POST',
    url: '/api/v1/automations',
    body: {
      name: 'Refunds',
      conditions: { all: [{ field: 'text', operator: 'contains', value: 'refund' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['refund'] }],
    },
    longField: 'name',
    typeField: 'actions',
  },
  {
    method: 'PATCH',
    url: '/api/v1/automations/999999',
    body: { name: 'Remind' },
    longField: 'name',
    typeField: 'active',
  },
  {
    method: 'POST',
    url: '/api/v1/automations/dry-run',
    body: {
      automation: {
        name: 'Refunds',
        conditions: { all: [{ field: 'text', operator: 'contains', value: 'refund' }], any: [] },
        actions: [{ type: 'add_tags', tags: ['refund'] }],
      },
    },
    longField: 'automation',
    typeField: 'automationId',
  },
];
const idRoutes: { method: Method; url: string }[] = [
  { method: 'GET', url: '/api/v1/users/abc' },
  { method: 'PATCH', url: '/api/v1/users/-1' },
  { method: 'PUT', url: '/api/v1/users/1.5/password' },
  { method: 'DELETE', url: '/api/v1/users/abc/two-factor' },
  { method: 'DELETE', url: '/api/v1/users/abc/sessions' },
  { method: 'GET', url: '/api/v1/teams/abc' },
  { method: 'PATCH', url: '/api/v1/teams/0' },
  { method: 'DELETE', url: '/api/v1/teams/abc' },
  { method: 'DELETE', url: '/api/v1/api-tokens/abc' },
  { method: 'DELETE', url: '/api/v1/me/sessions/not-a-session' },
  { method: 'GET', url: '/api/v1/mailboxes/abc' },
  { method: 'PATCH', url: '/api/v1/mailboxes/0' },
  { method: 'POST', url: '/api/v1/inbound-mail/abc/retry' },
  { method: 'PATCH', url: '/api/v1/tickets/abc/copies' },
  { method: 'POST', url: '/api/v1/tickets/abc/messages/preview' },
  { method: 'GET', url: '/api/v1/tickets/abc/replying' },
  { method: 'GET', url: '/api/v1/tickets/abc/time-entries' },
  { method: 'POST', url: '/api/v1/tickets/0/time-entries' },
  { method: 'DELETE', url: '/api/v1/tickets/1/time-entries/1.5' },
  { method: 'PUT', url: '/api/v1/tickets/0/replying' },
  { method: 'DELETE', url: '/api/v1/tickets/1.5/replying' },
  { method: 'POST', url: '/api/v1/job-failures/abc/retry' },
  { method: 'DELETE', url: '/api/v1/job-failures/0' },
  { method: 'PATCH', url: '/api/v1/mail-templates/no_such_template' },
  { method: 'GET', url: '/api/v1/business-hours/abc' },
  { method: 'PATCH', url: '/api/v1/business-hours/0' },
  { method: 'DELETE', url: '/api/v1/business-hours/1.5' },
  { method: 'POST', url: '/api/v1/business-hours/abc/holidays/import' },
  { method: 'GET', url: '/api/v1/business-hours/-1/preview' },
  { method: 'GET', url: '/api/v1/sla-policies/abc' },
  { method: 'PATCH', url: '/api/v1/sla-policies/0' },
  { method: 'DELETE', url: '/api/v1/sla-policies/1.5' },
  { method: 'GET', url: '/api/v1/tickets/abc/sla' },
  { method: 'GET', url: '/api/v1/contracts/abc' },
  { method: 'PATCH', url: '/api/v1/contracts/0' },
  { method: 'DELETE', url: '/api/v1/contracts/-2' },
  { method: 'GET', url: '/api/v1/tickets/1.5/contract' },
  { method: 'GET', url: '/api/v1/tickets/abc/side-conversations' },
  { method: 'POST', url: '/api/v1/tickets/0/side-conversations' },
  { method: 'POST', url: '/api/v1/side-conversations/abc/messages' },
  { method: 'PATCH', url: '/api/v1/surveys/reasons/abc' },
  { method: 'GET', url: '/api/v1/tickets/0/satisfaction' },
  { method: 'GET', url: '/api/v1/nps-campaigns/abc' },
  { method: 'PATCH', url: '/api/v1/nps-campaigns/0' },
  { method: 'PATCH', url: '/api/v1/feedback/themes/abc' },
  { method: 'DELETE', url: '/api/v1/feedback/themes/0' },
  { method: 'PATCH', url: '/api/v1/feedback/theme-rules/abc' },
  { method: 'DELETE', url: '/api/v1/feedback/theme-rules/1.5' },
  { method: 'GET', url: '/api/v1/testimonials/abc' },
  { method: 'PATCH', url: '/api/v1/testimonials/0' },
  { method: 'GET', url: '/api/v1/testimonials?state=nonsense' },
  { method: 'GET', url: '/api/v1/testimonials/export?format=xml' },
  { method: 'GET', url: '/api/v1/public/testimonials/short' },
  { method: 'GET', url: '/api/v1/referrals/abc' },
  { method: 'PATCH', url: '/api/v1/referrals/0' },
  { method: 'POST', url: '/api/v1/referrals/1.5/state' },
  { method: 'GET', url: '/api/v1/referrals?state=paid' },
  { method: 'PUT', url: '/api/v1/survey-answers/abc/themes/1' },
  { method: 'DELETE', url: '/api/v1/survey-answers/1/themes/abc' },
  { method: 'PUT', url: '/api/v1/nps-answers/abc/themes/1' },
  { method: 'DELETE', url: '/api/v1/nps-answers/1/themes/0' },
  { method: 'GET', url: '/api/v1/follow-ups/abc' },
  { method: 'PATCH', url: '/api/v1/follow-ups/0' },
  { method: 'POST', url: '/api/v1/follow-ups/abc/contact' },
  { method: 'GET', url: '/api/v1/tickets/abc/follow-ups' },
  { method: 'GET', url: '/api/v1/macros/abc' },
  { method: 'PATCH', url: '/api/v1/macros/0' },
  { method: 'DELETE', url: '/api/v1/macros/1.5' },
  { method: 'POST', url: '/api/v1/macros/-1/preview' },
  { method: 'POST', url: '/api/v1/macros/abc/apply' },
  { method: 'GET', url: '/api/v1/routing/teams/abc' },
  { method: 'PUT', url: '/api/v1/routing/teams/0' },
  { method: 'GET', url: '/api/v1/routing/agents/1.5' },
  { method: 'PUT', url: '/api/v1/routing/agents/-1' },
  { method: 'GET', url: '/api/v1/triggers/abc' },
  { method: 'PATCH', url: '/api/v1/triggers/0' },
  { method: 'DELETE', url: '/api/v1/triggers/1.5' },
  { method: 'GET', url: '/api/v1/automations/abc' },
  { method: 'PATCH', url: '/api/v1/automations/-1' },
  { method: 'DELETE', url: '/api/v1/automations/0' },
  { method: 'POST', url: '/api/v1/automations/abc/run' },
  { method: 'POST', url: '/api/v1/spike-alerts/abc/acknowledge' },
  { method: 'POST', url: '/api/v1/spike-alerts/0/acknowledge' },
  { method: 'GET', url: '/api/v1/trends?from=2026-01-01&to=2026-01-31&measure=nps&split=category' },
  { method: 'GET', url: '/api/v1/trends?from=2026-01-01&to=2026-01-31&split=product' },
  { method: 'GET', url: '/api/v1/trends?from=2026-01-01&to=2026-01-31&field=Not-A-Key&split=product' },
  { method: 'GET', url: '/api/v1/trends?from=2025-01-01&to=2026-06-01' },
  { method: 'GET', url: '/api/v1/trends?from=2026-01-01&to=2026-01-31&grain=month' },
  { method: 'GET', url: '/api/v1/goals/abc' },
  { method: 'PATCH', url: '/api/v1/goals/0' },
  { method: 'DELETE', url: '/api/v1/goals/1.5' },
  { method: 'GET', url: '/api/v1/goals?status=soon' },
  { method: 'GET', url: '/api/v1/scorecards/agents/abc' },
  { method: 'GET', url: '/api/v1/scorecards/teams/0' },
  { method: 'GET', url: '/api/v1/scorecards/agents/1?from=2026-03-01&to=2026-01-01' },
  { method: 'GET', url: '/api/v1/scorecards/teams/1?from=2026-02-30' },
  { method: 'GET', url: '/api/v1/reports/nonsense?from=2026-01-01&to=2026-01-02' },
  { method: 'GET', url: '/api/v1/reports/volume?from=2026-02-30&to=2026-03-01' },
  { method: 'GET', url: '/api/v1/reports/volume?from=2026-03-01&to=2026-01-01' },
  { method: 'GET', url: '/api/v1/reports/volume?from=2020-01-01&to=2026-01-01' },
  { method: 'GET', url: '/api/v1/reports/volume?from=2026-01-01&to=2026-01-02&tz=Not/AZone' },
  { method: 'DELETE', url: '/api/v1/report-shares/abc' },
  { method: 'PATCH', url: '/api/v1/report-schedules/0' },
  { method: 'DELETE', url: '/api/v1/report-schedules/1.5' },
  { method: 'GET', url: '/api/v1/report-schedules/abc/runs' },
  { method: 'POST', url: '/api/v1/report-schedules/-1/send' },
  { method: 'GET', url: '/api/v1/public/shared-reports/not%20a%20token' },
];

describeApi('bad input', (t) => {
  async function counts() {
    const tables = [
      'users',
      'teams',
      'team_members',
      'sessions',
      'api_tokens',
      'audit_log',
      'ticket_mail',
      'business_calendars',
      'business_holidays',
      'sla_policies',
      'contracts',
      'tickets',
      'ticket_time_entries',
      'attachments',
      'side_conversations',
      'side_conversation_messages',
      'macros',
      'team_routing',
      'agent_routing',
      'agent_presence',
      'routing_log',
      'triggers',
      'automations',
      'automation_claims',
      'nps_settings',
      'nps_campaigns',
      'nps_recipients',
      'nps_optouts',
      'testimonial_settings',
      'testimonials',
      'referrals',
      'referral_events',
      'data_quality_runs',
      'goals',
      'settings',
      'feedback_themes',
      'feedback_theme_rules',
      'survey_answer_themes',
      'nps_answer_themes',
      'follow_ups',
      'follow_up_events',
      'follow_up_settings',
      'report_shares',
      'report_schedules',
      'report_schedule_runs',
    ] as const;
    const out: Record<string, number> = {};
    for (const table of tables) {
      const row = await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  async function setup() {
    const admin = await t.signIn('admin');
    const team = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Existing' },
    });
    return { admin, teamId: team.json().id as number };
  }

  async function newTicket(admin: Auth): Promise<number> {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/tickets',
      payload: {
        subject: 'Existing',
        requester: { email: 'dana@customer.example', name: 'Dana' },
        message: { body: 'Hello' },
        type: 'question',
        priority: 'normal',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  }

  const expect400 = async (auth: Auth, method: Method, url: string, payload: unknown, label: string) => {
    const headers = typeof payload === 'string' ? { 'content-type': 'application/json' } : undefined;
    const res = await t.request(auth, { method, url, payload: payload as string, headers });
    expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
    const error = res.json().error;
    expect(['VALIDATION_FAILED', 'INVALID_JSON']).toContain(error.code);
    expect(error.message.length, label).toBeGreaterThan(5);
  };

  it.each(cases)('$method $url', async (c) => {
    const { admin, teamId } = await setup();
    const ticketId = c.url.includes('{ticket}') ? await newTicket(admin) : 0;
    const url = c.url
      .replace('{self}', String(admin.userId))
      .replace('{team}', String(teamId))
      .replace('{ticket}', String(ticketId));
    const before = await counts();
    if (c.body) {
      await expect400(admin, c.method, url, '{"broken": ', 'malformed JSON');
      await expect400(admin, c.method, url, { ...c.body, unexpectedField: 1 }, 'unknown field');
      await expect400(admin, c.method, url, { ...c.body, [c.typeField!]: { wrong: true } }, 'wrong type');
      await expect400(admin, c.method, url, { ...c.body, [c.longField!]: long }, 'over-long string');
    } else {
      const q = (extra: Record<string, string>) => `${url}?${new URLSearchParams({ ...c.query, ...extra })}`;
      await expect400(admin, c.method, q({ unexpectedField: '1' }), undefined, 'unknown parameter');
      await expect400(admin, c.method, q({ [c.typeField!]: 'not-a-number' }), undefined, 'wrong type');
      await expect400(
        admin,
        c.method,
        q({ [c.longField!]: long.slice(0, 1000) }),
        undefined,
        'over-long string',
      );
    }
    expect(await counts()).toEqual(before);
  });

  it.each(customerCases)('$method $url (a customer)', async (c) => {
    const customer = await t.signIn('customer');
    const before = await counts();
    await expect400(customer, c.method, c.url, '{"broken": ', 'malformed JSON');
    await expect400(customer, c.method, c.url, { ...c.body, unexpectedField: 1 }, 'unknown field');
    await expect400(customer, c.method, c.url, { ...c.body, [c.typeField!]: { wrong: true } }, 'wrong type');
    if (c.longField)
      await expect400(customer, c.method, c.url, { ...c.body, [c.longField]: long }, 'over-long string');
    expect(await counts()).toEqual(before);
  });

  it.each(idRoutes)('$method $url rejects a malformed id', async ({ method, url }) => {
    const { admin } = await setup();
    const before = await counts();
    await expect400(
      admin,
      method,
      url,
      method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' },
      'bad id',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a body that is too large with 413', async () => {
    const { admin } = await setup();
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Big', description: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a non-JSON content type with 415', async () => {
    const { admin } = await setup();
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=Team',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
