import { expect, it } from 'vitest';
import { type Auth, describeApi } from '../helpers/app';

/**
 * Route × role: who may call what. Anonymous callers get 401; roles outside the list get 403;
 * listed roles get past the check (the request then fails or succeeds on its own merits).
 * Every /api/v1 route must be listed here: the last test compares with the OpenAPI document.
 */
type Principal = 'admin' | 'manager' | 'agent' | 'customer' | 'token:admin' | 'token:manager' | 'token:agent';
const people: Principal[] = ['admin', 'manager', 'agent', 'customer'];
const staff: Principal[] = ['admin', 'manager', 'agent', 'token:admin', 'token:manager', 'token:agent'];
const leads: Principal[] = ['admin', 'manager', 'token:admin', 'token:manager'];
const admins: Principal[] = ['admin', 'token:admin'];
const everyone: Principal[] = [...people, 'token:admin', 'token:manager', 'token:agent'];

const SID = 'a'.repeat(64);
const period = 'from=2026-01-01&to=2026-01-31';
const matrix: {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  path: string;
  allowed: Principal[];
}[] = [
  { method: 'GET', url: '/api/v1/auth/me', path: '/api/v1/auth/me', allowed: everyone },
  { method: 'POST', url: '/api/v1/auth/logout', path: '/api/v1/auth/logout', allowed: everyone },
  { method: 'PATCH', url: '/api/v1/me', path: '/api/v1/me', allowed: people },
  { method: 'PUT', url: '/api/v1/me/password', path: '/api/v1/me/password', allowed: people },
  { method: 'POST', url: '/api/v1/me/two-factor', path: '/api/v1/me/two-factor', allowed: people },
  { method: 'PUT', url: '/api/v1/me/two-factor', path: '/api/v1/me/two-factor', allowed: people },
  { method: 'DELETE', url: '/api/v1/me/two-factor', path: '/api/v1/me/two-factor', allowed: people },
  { method: 'GET', url: '/api/v1/me/sessions', path: '/api/v1/me/sessions', allowed: people },
  { method: 'GET', url: '/api/v1/me/notifications', path: '/api/v1/me/notifications', allowed: people },
  { method: 'PATCH', url: '/api/v1/me/notifications', path: '/api/v1/me/notifications', allowed: people },
  { method: 'DELETE', url: `/api/v1/me/sessions/${SID}`, path: '/api/v1/me/sessions/{id}', allowed: people },
  { method: 'GET', url: '/api/v1/users', path: '/api/v1/users', allowed: staff },
  { method: 'POST', url: '/api/v1/users', path: '/api/v1/users', allowed: leads },
  { method: 'GET', url: '/api/v1/users/999999', path: '/api/v1/users/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/users/999999', path: '/api/v1/users/{id}', allowed: leads },
  {
    method: 'PUT',
    url: '/api/v1/users/999999/password',
    path: '/api/v1/users/{id}/password',
    allowed: admins,
  },
  {
    method: 'DELETE',
    url: '/api/v1/users/999999/two-factor',
    path: '/api/v1/users/{id}/two-factor',
    allowed: admins,
  },
  {
    method: 'DELETE',
    url: '/api/v1/users/999999/sessions',
    path: '/api/v1/users/{id}/sessions',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/teams', path: '/api/v1/teams', allowed: staff },
  { method: 'POST', url: '/api/v1/teams', path: '/api/v1/teams', allowed: leads },
  { method: 'GET', url: '/api/v1/teams/999999', path: '/api/v1/teams/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/teams/999999', path: '/api/v1/teams/{id}', allowed: leads },
  { method: 'DELETE', url: '/api/v1/teams/999999', path: '/api/v1/teams/{id}', allowed: leads },
  { method: 'GET', url: '/api/v1/api-tokens', path: '/api/v1/api-tokens', allowed: admins },
  { method: 'POST', url: '/api/v1/api-tokens', path: '/api/v1/api-tokens', allowed: admins },
  { method: 'DELETE', url: '/api/v1/api-tokens/999999', path: '/api/v1/api-tokens/{id}', allowed: admins },
  { method: 'GET', url: '/api/v1/audit-log', path: '/api/v1/audit-log', allowed: leads },
  { method: 'GET', url: '/api/v1/audit-log/export', path: '/api/v1/audit-log/export', allowed: leads },
  { method: 'GET', url: '/api/v1/customers', path: '/api/v1/customers', allowed: staff },
  { method: 'POST', url: '/api/v1/customers', path: '/api/v1/customers', allowed: staff },
  { method: 'GET', url: '/api/v1/customers/999999', path: '/api/v1/customers/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/customers/999999', path: '/api/v1/customers/{id}', allowed: staff },
  {
    method: 'POST',
    url: '/api/v1/customers/999999/merges',
    path: '/api/v1/customers/{id}/merges',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/customers/999999/notes',
    path: '/api/v1/customers/{id}/notes',
    allowed: staff,
  },
  {
    method: 'POST',
    url: '/api/v1/customers/999999/notes',
    path: '/api/v1/customers/{id}/notes',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/customers/999999/timeline',
    path: '/api/v1/customers/{id}/timeline',
    allowed: staff,
  },
  { method: 'GET', url: '/api/v1/organizations', path: '/api/v1/organizations', allowed: staff },
  { method: 'POST', url: '/api/v1/organizations', path: '/api/v1/organizations', allowed: leads },
  { method: 'GET', url: '/api/v1/organizations/999999', path: '/api/v1/organizations/{id}', allowed: staff },
  {
    method: 'PATCH',
    url: '/api/v1/organizations/999999',
    path: '/api/v1/organizations/{id}',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/categories', path: '/api/v1/categories', allowed: staff },
  { method: 'POST', url: '/api/v1/categories', path: '/api/v1/categories', allowed: admins },
  { method: 'PATCH', url: '/api/v1/categories/999999', path: '/api/v1/categories/{id}', allowed: admins },
  { method: 'GET', url: '/api/v1/custom-fields', path: '/api/v1/custom-fields', allowed: staff },
  { method: 'POST', url: '/api/v1/custom-fields', path: '/api/v1/custom-fields', allowed: admins },
  {
    method: 'PATCH',
    url: '/api/v1/custom-fields/999999',
    path: '/api/v1/custom-fields/{id}',
    allowed: admins,
  },
  { method: 'GET', url: '/api/v1/tickets', path: '/api/v1/tickets', allowed: staff },
  { method: 'POST', url: '/api/v1/tickets', path: '/api/v1/tickets', allowed: staff },
  { method: 'PATCH', url: '/api/v1/tickets', path: '/api/v1/tickets', allowed: staff },
  { method: 'GET', url: '/api/v1/tickets/999999', path: '/api/v1/tickets/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/tickets/999999', path: '/api/v1/tickets/{id}', allowed: staff },
  {
    method: 'PUT',
    url: '/api/v1/tickets/999999/escalation',
    path: '/api/v1/tickets/{id}/escalation',
    allowed: staff,
  },
  {
    method: 'DELETE',
    url: '/api/v1/tickets/999999/escalation',
    path: '/api/v1/tickets/{id}/escalation',
    allowed: staff,
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/999999/merges',
    path: '/api/v1/tickets/{id}/merges',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/messages',
    path: '/api/v1/tickets/{id}/messages',
    allowed: staff,
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/999999/messages',
    path: '/api/v1/tickets/{id}/messages',
    allowed: staff,
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/999999/messages/preview',
    path: '/api/v1/tickets/{id}/messages/preview',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/replying',
    path: '/api/v1/tickets/{id}/replying',
    allowed: staff,
  },
  // Only a person writes a reply: API tokens cannot say they are replying.
  {
    method: 'PUT',
    url: '/api/v1/tickets/999999/replying',
    path: '/api/v1/tickets/{id}/replying',
    allowed: ['admin', 'manager', 'agent'],
  },
  {
    method: 'DELETE',
    url: '/api/v1/tickets/999999/replying',
    path: '/api/v1/tickets/{id}/replying',
    allowed: ['admin', 'manager', 'agent'],
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/events',
    path: '/api/v1/tickets/{id}/events',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/time-entries',
    path: '/api/v1/tickets/{id}/time-entries',
    allowed: staff,
  },
  // Time is logged by the person who spent it: API tokens cannot log time.
  {
    method: 'POST',
    url: '/api/v1/tickets/999999/time-entries',
    path: '/api/v1/tickets/{id}/time-entries',
    allowed: ['admin', 'manager', 'agent'],
  },
  {
    method: 'DELETE',
    url: '/api/v1/tickets/999999/time-entries/999999',
    path: '/api/v1/tickets/{id}/time-entries/{entryId}',
    allowed: staff,
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/999999/attachments',
    path: '/api/v1/tickets/{id}/attachments',
    allowed: staff,
  },
  { method: 'GET', url: '/api/v1/attachments/999999', path: '/api/v1/attachments/{id}', allowed: everyone },
  { method: 'POST', url: '/api/v1/contacts', path: '/api/v1/contacts', allowed: staff },
  { method: 'GET', url: '/api/v1/views', path: '/api/v1/views', allowed: staff },
  { method: 'GET', url: '/api/v1/workload', path: '/api/v1/workload', allowed: staff },
  { method: 'POST', url: '/api/v1/views', path: '/api/v1/views', allowed: staff },
  { method: 'PATCH', url: '/api/v1/views/999999', path: '/api/v1/views/{id}', allowed: staff },
  { method: 'DELETE', url: '/api/v1/views/999999', path: '/api/v1/views/{id}', allowed: staff },
  { method: 'GET', url: '/api/v1/search?q=x', path: '/api/v1/search', allowed: staff },
  { method: 'GET', url: '/api/v1/settings/tickets', path: '/api/v1/settings/tickets', allowed: staff },
  { method: 'PATCH', url: '/api/v1/settings/tickets', path: '/api/v1/settings/tickets', allowed: admins },
  { method: 'GET', url: '/api/v1/settings/channels', path: '/api/v1/settings/channels', allowed: staff },
  { method: 'PATCH', url: '/api/v1/settings/channels', path: '/api/v1/settings/channels', allowed: admins },
  { method: 'GET', url: '/api/v1/mailboxes', path: '/api/v1/mailboxes', allowed: admins },
  { method: 'POST', url: '/api/v1/mailboxes', path: '/api/v1/mailboxes', allowed: admins },
  { method: 'GET', url: '/api/v1/mailboxes/999999', path: '/api/v1/mailboxes/{id}', allowed: admins },
  { method: 'PATCH', url: '/api/v1/mailboxes/999999', path: '/api/v1/mailboxes/{id}', allowed: admins },
  { method: 'DELETE', url: '/api/v1/mailboxes/999999', path: '/api/v1/mailboxes/{id}', allowed: admins },
  { method: 'GET', url: '/api/v1/mail-rules', path: '/api/v1/mail-rules', allowed: admins },
  { method: 'POST', url: '/api/v1/mail-rules', path: '/api/v1/mail-rules', allowed: admins },
  { method: 'DELETE', url: '/api/v1/mail-rules/999999', path: '/api/v1/mail-rules/{id}', allowed: admins },
  { method: 'GET', url: '/api/v1/settings/mail', path: '/api/v1/settings/mail', allowed: admins },
  { method: 'PATCH', url: '/api/v1/settings/mail', path: '/api/v1/settings/mail', allowed: admins },
  { method: 'GET', url: '/api/v1/mail-templates', path: '/api/v1/mail-templates', allowed: admins },
  {
    method: 'PATCH',
    url: '/api/v1/mail-templates/ticket_received',
    path: '/api/v1/mail-templates/{key}',
    allowed: admins,
  },
  {
    method: 'DELETE',
    url: '/api/v1/mail-templates/ticket_received',
    path: '/api/v1/mail-templates/{key}',
    allowed: admins,
  },
  {
    method: 'POST',
    url: '/api/v1/mail-templates/ticket_received/preview',
    path: '/api/v1/mail-templates/{key}/preview',
    allowed: admins,
  },
  { method: 'GET', url: '/api/v1/inbound-mail', path: '/api/v1/inbound-mail', allowed: admins },
  { method: 'GET', url: '/api/v1/inbound-mail/999999', path: '/api/v1/inbound-mail/{id}', allowed: admins },
  {
    method: 'GET',
    url: '/api/v1/inbound-mail/999999/original',
    path: '/api/v1/inbound-mail/{id}/original',
    allowed: admins,
  },
  {
    method: 'POST',
    url: '/api/v1/inbound-mail/999999/retry',
    path: '/api/v1/inbound-mail/{id}/retry',
    allowed: admins,
  },
  {
    method: 'DELETE',
    url: '/api/v1/inbound-mail/999999',
    path: '/api/v1/inbound-mail/{id}',
    allowed: admins,
  },
  { method: 'GET', url: '/api/v1/job-failures', path: '/api/v1/job-failures', allowed: admins },
  {
    method: 'POST',
    url: '/api/v1/job-failures/999999/retry',
    path: '/api/v1/job-failures/{id}/retry',
    allowed: admins,
  },
  {
    method: 'DELETE',
    url: '/api/v1/job-failures/999999',
    path: '/api/v1/job-failures/{id}',
    allowed: admins,
  },
  { method: 'GET', url: '/api/v1/business-hours', path: '/api/v1/business-hours', allowed: staff },
  { method: 'POST', url: '/api/v1/business-hours', path: '/api/v1/business-hours', allowed: leads },
  {
    method: 'GET',
    url: '/api/v1/business-hours/999999',
    path: '/api/v1/business-hours/{id}',
    allowed: staff,
  },
  {
    method: 'PATCH',
    url: '/api/v1/business-hours/999999',
    path: '/api/v1/business-hours/{id}',
    allowed: leads,
  },
  {
    method: 'DELETE',
    url: '/api/v1/business-hours/999999',
    path: '/api/v1/business-hours/{id}',
    allowed: leads,
  },
  {
    method: 'POST',
    url: '/api/v1/business-hours/999999/holidays/import',
    path: '/api/v1/business-hours/{id}/holidays/import',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/business-hours/999999/preview',
    path: '/api/v1/business-hours/{id}/preview',
    allowed: staff,
  },
  { method: 'GET', url: '/api/v1/contracts', path: '/api/v1/contracts', allowed: staff },
  { method: 'POST', url: '/api/v1/contracts', path: '/api/v1/contracts', allowed: leads },
  { method: 'GET', url: '/api/v1/contracts/999999', path: '/api/v1/contracts/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/contracts/999999', path: '/api/v1/contracts/{id}', allowed: leads },
  { method: 'DELETE', url: '/api/v1/contracts/999999', path: '/api/v1/contracts/{id}', allowed: leads },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/contract',
    path: '/api/v1/tickets/{id}/contract',
    allowed: staff,
  },
  { method: 'GET', url: '/api/v1/sla-policies', path: '/api/v1/sla-policies', allowed: staff },
  { method: 'POST', url: '/api/v1/sla-policies', path: '/api/v1/sla-policies', allowed: leads },
  { method: 'PUT', url: '/api/v1/sla-policies/order', path: '/api/v1/sla-policies/order', allowed: leads },
  {
    method: 'POST',
    url: '/api/v1/sla-policies/dry-run',
    path: '/api/v1/sla-policies/dry-run',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/sla-policies/999999', path: '/api/v1/sla-policies/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/sla-policies/999999', path: '/api/v1/sla-policies/{id}', allowed: leads },
  { method: 'DELETE', url: '/api/v1/sla-policies/999999', path: '/api/v1/sla-policies/{id}', allowed: leads },
  { method: 'GET', url: '/api/v1/tickets/999999/sla', path: '/api/v1/tickets/{id}/sla', allowed: staff },
  { method: 'GET', url: '/api/v1/board', path: '/api/v1/board', allowed: leads },
  { method: 'GET', url: `/api/v1/trends?${period}`, path: '/api/v1/trends', allowed: leads },
  { method: 'GET', url: '/api/v1/spike-alerts', path: '/api/v1/spike-alerts', allowed: leads },
  {
    method: 'POST',
    url: '/api/v1/spike-alerts/999999/acknowledge',
    path: '/api/v1/spike-alerts/{id}/acknowledge',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/spike-alerts/settings',
    path: '/api/v1/spike-alerts/settings',
    allowed: leads,
  },
  {
    method: 'PUT',
    url: '/api/v1/spike-alerts/settings',
    path: '/api/v1/spike-alerts/settings',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/data-quality', path: '/api/v1/data-quality', allowed: leads },
  { method: 'POST', url: '/api/v1/data-quality/runs', path: '/api/v1/data-quality/runs', allowed: leads },
  {
    method: 'PUT',
    url: '/api/v1/data-quality/settings',
    path: '/api/v1/data-quality/settings',
    allowed: leads,
  },
  { method: 'POST', url: '/api/v1/data-quality/fixes', path: '/api/v1/data-quality/fixes', allowed: leads },
  { method: 'GET', url: '/api/v1/surveys/settings', path: '/api/v1/surveys/settings', allowed: leads },
  { method: 'PATCH', url: '/api/v1/surveys/settings', path: '/api/v1/surveys/settings', allowed: leads },
  { method: 'GET', url: '/api/v1/surveys/reasons', path: '/api/v1/surveys/reasons', allowed: leads },
  { method: 'POST', url: '/api/v1/surveys/reasons', path: '/api/v1/surveys/reasons', allowed: leads },
  {
    method: 'PATCH',
    url: '/api/v1/surveys/reasons/999999',
    path: '/api/v1/surveys/reasons/{id}',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/survey-answers', path: '/api/v1/survey-answers', allowed: leads },
  { method: 'GET', url: '/api/v1/nps-campaigns', path: '/api/v1/nps-campaigns', allowed: leads },
  { method: 'POST', url: '/api/v1/nps-campaigns', path: '/api/v1/nps-campaigns', allowed: leads },
  { method: 'GET', url: '/api/v1/nps-campaigns/999999', path: '/api/v1/nps-campaigns/{id}', allowed: leads },
  {
    method: 'PATCH',
    url: '/api/v1/nps-campaigns/999999',
    path: '/api/v1/nps-campaigns/{id}',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/nps-settings', path: '/api/v1/nps-settings', allowed: leads },
  { method: 'PATCH', url: '/api/v1/nps-settings', path: '/api/v1/nps-settings', allowed: leads },
  {
    method: 'GET',
    url: '/api/v1/portal/survey-preference',
    path: '/api/v1/portal/survey-preference',
    allowed: ['customer'],
  },
  {
    method: 'PUT',
    url: '/api/v1/portal/survey-preference',
    path: '/api/v1/portal/survey-preference',
    allowed: ['customer'],
  },
  { method: 'GET', url: '/api/v1/feedback/themes', path: '/api/v1/feedback/themes', allowed: leads },
  { method: 'POST', url: '/api/v1/feedback/themes', path: '/api/v1/feedback/themes', allowed: leads },
  {
    method: 'PATCH',
    url: '/api/v1/feedback/themes/999999',
    path: '/api/v1/feedback/themes/{id}',
    allowed: leads,
  },
  {
    method: 'DELETE',
    url: '/api/v1/feedback/themes/999999',
    path: '/api/v1/feedback/themes/{id}',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/feedback/theme-rules',
    path: '/api/v1/feedback/theme-rules',
    allowed: leads,
  },
  {
    method: 'POST',
    url: '/api/v1/feedback/theme-rules',
    path: '/api/v1/feedback/theme-rules',
    allowed: leads,
  },
  {
    method: 'PATCH',
    url: '/api/v1/feedback/theme-rules/999999',
    path: '/api/v1/feedback/theme-rules/{id}',
    allowed: leads,
  },
  {
    method: 'DELETE',
    url: '/api/v1/feedback/theme-rules/999999',
    path: '/api/v1/feedback/theme-rules/{id}',
    allowed: leads,
  },
  {
    method: 'POST',
    url: '/api/v1/feedback/theme-rules/run',
    path: '/api/v1/feedback/theme-rules/run',
    allowed: leads,
  },
  {
    method: 'PUT',
    url: '/api/v1/survey-answers/999999/themes/999999',
    path: '/api/v1/survey-answers/{id}/themes/{themeId}',
    allowed: leads,
  },
  {
    method: 'DELETE',
    url: '/api/v1/survey-answers/999999/themes/999999',
    path: '/api/v1/survey-answers/{id}/themes/{themeId}',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/nps-answers', path: '/api/v1/nps-answers', allowed: leads },
  {
    method: 'PUT',
    url: '/api/v1/nps-answers/999999/themes/999999',
    path: '/api/v1/nps-answers/{id}/themes/{themeId}',
    allowed: leads,
  },
  {
    method: 'DELETE',
    url: '/api/v1/nps-answers/999999/themes/999999',
    path: '/api/v1/nps-answers/{id}/themes/{themeId}',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/survey-answers/mine',
    path: '/api/v1/survey-answers/mine',
    allowed: ['admin', 'manager', 'agent'],
  },
  { method: 'GET', url: '/api/v1/follow-ups', path: '/api/v1/follow-ups', allowed: staff },
  { method: 'GET', url: '/api/v1/follow-ups/999999', path: '/api/v1/follow-ups/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/follow-ups/999999', path: '/api/v1/follow-ups/{id}', allowed: staff },
  {
    method: 'POST',
    url: '/api/v1/follow-ups/999999/contact',
    path: '/api/v1/follow-ups/{id}/contact',
    allowed: staff,
  },
  { method: 'GET', url: '/api/v1/follow-ups/settings', path: '/api/v1/follow-ups/settings', allowed: leads },
  {
    method: 'PATCH',
    url: '/api/v1/follow-ups/settings',
    path: '/api/v1/follow-ups/settings',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/follow-ups',
    path: '/api/v1/tickets/{id}/follow-ups',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/portal/requests/999999/survey',
    path: '/api/v1/portal/requests/{id}/survey',
    allowed: ['customer'],
  },
  {
    method: 'PUT',
    url: '/api/v1/portal/requests/999999/survey',
    path: '/api/v1/portal/requests/{id}/survey',
    allowed: ['customer'],
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/satisfaction',
    path: '/api/v1/tickets/{id}/satisfaction',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/messages/1/original',
    path: '/api/v1/tickets/{id}/messages/{messageId}/original',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/copies',
    path: '/api/v1/tickets/{id}/copies',
    allowed: staff,
  },
  {
    method: 'PATCH',
    url: '/api/v1/tickets/999999/copies',
    path: '/api/v1/tickets/{id}/copies',
    allowed: staff,
  },
  {
    method: 'GET',
    url: '/api/v1/tickets/999999/side-conversations',
    path: '/api/v1/tickets/{id}/side-conversations',
    allowed: staff,
  },
  {
    method: 'POST',
    url: '/api/v1/tickets/999999/side-conversations',
    path: '/api/v1/tickets/{id}/side-conversations',
    allowed: staff,
  },
  {
    method: 'POST',
    url: '/api/v1/side-conversations/999999/messages',
    path: '/api/v1/side-conversations/{id}/messages',
    allowed: staff,
  },
  { method: 'GET', url: '/api/v1/macros', path: '/api/v1/macros', allowed: staff },
  { method: 'POST', url: '/api/v1/macros', path: '/api/v1/macros', allowed: staff },
  { method: 'GET', url: '/api/v1/macros/999999', path: '/api/v1/macros/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/macros/999999', path: '/api/v1/macros/{id}', allowed: staff },
  { method: 'DELETE', url: '/api/v1/macros/999999', path: '/api/v1/macros/{id}', allowed: staff },
  {
    method: 'POST',
    url: '/api/v1/macros/999999/preview',
    path: '/api/v1/macros/{id}/preview',
    allowed: staff,
  },
  { method: 'POST', url: '/api/v1/macros/999999/apply', path: '/api/v1/macros/{id}/apply', allowed: staff },
  { method: 'GET', url: '/api/v1/triggers', path: '/api/v1/triggers', allowed: staff },
  { method: 'POST', url: '/api/v1/triggers', path: '/api/v1/triggers', allowed: leads },
  { method: 'PUT', url: '/api/v1/triggers/order', path: '/api/v1/triggers/order', allowed: leads },
  { method: 'POST', url: '/api/v1/triggers/dry-run', path: '/api/v1/triggers/dry-run', allowed: leads },
  { method: 'GET', url: '/api/v1/triggers/999999', path: '/api/v1/triggers/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/triggers/999999', path: '/api/v1/triggers/{id}', allowed: leads },
  { method: 'DELETE', url: '/api/v1/triggers/999999', path: '/api/v1/triggers/{id}', allowed: leads },
  { method: 'GET', url: '/api/v1/automations', path: '/api/v1/automations', allowed: staff },
  { method: 'POST', url: '/api/v1/automations', path: '/api/v1/automations', allowed: leads },
  { method: 'POST', url: '/api/v1/automations/dry-run', path: '/api/v1/automations/dry-run', allowed: leads },
  { method: 'GET', url: '/api/v1/automations/999999', path: '/api/v1/automations/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/automations/999999', path: '/api/v1/automations/{id}', allowed: leads },
  { method: 'DELETE', url: '/api/v1/automations/999999', path: '/api/v1/automations/{id}', allowed: leads },
  {
    method: 'POST',
    url: '/api/v1/automations/999999/run',
    path: '/api/v1/automations/{id}/run',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/portal/tickets', path: '/api/v1/portal/tickets', allowed: ['customer'] },
  { method: 'POST', url: '/api/v1/portal/tickets', path: '/api/v1/portal/tickets', allowed: ['customer'] },
  {
    method: 'GET',
    url: '/api/v1/portal/tickets/999999',
    path: '/api/v1/portal/tickets/{id}',
    allowed: ['customer'],
  },
  {
    method: 'POST',
    url: '/api/v1/portal/tickets/999999/messages',
    path: '/api/v1/portal/tickets/{id}/messages',
    allowed: ['customer'],
  },
  {
    method: 'POST',
    url: '/api/v1/portal/tickets/999999/attachments',
    path: '/api/v1/portal/tickets/{id}/attachments',
    allowed: ['customer'],
  },
  {
    method: 'POST',
    url: '/api/v1/portal/attachments',
    path: '/api/v1/portal/attachments',
    allowed: ['customer'],
  },
  {
    method: 'GET',
    url: '/api/v1/portal/preferences',
    path: '/api/v1/portal/preferences',
    allowed: ['customer'],
  },
  {
    method: 'PUT',
    url: '/api/v1/portal/preferences',
    path: '/api/v1/portal/preferences',
    allowed: ['customer'],
  },
  { method: 'GET', url: '/api/v1/routing/teams', path: '/api/v1/routing/teams', allowed: leads },
  { method: 'GET', url: '/api/v1/routing/teams/999999', path: '/api/v1/routing/teams/{id}', allowed: leads },
  { method: 'PUT', url: '/api/v1/routing/teams/999999', path: '/api/v1/routing/teams/{id}', allowed: leads },
  {
    method: 'GET',
    url: '/api/v1/routing/agents/999999',
    path: '/api/v1/routing/agents/{id}',
    allowed: leads,
  },
  {
    method: 'PUT',
    url: '/api/v1/routing/agents/999999',
    path: '/api/v1/routing/agents/{id}',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/routing/log', path: '/api/v1/routing/log', allowed: leads },
  {
    method: 'POST',
    url: '/api/v1/routing/reassign-queue',
    path: '/api/v1/routing/reassign-queue',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/presence',
    path: '/api/v1/presence',
    allowed: ['admin', 'manager', 'agent'],
  },
  {
    method: 'PUT',
    url: '/api/v1/presence',
    path: '/api/v1/presence',
    allowed: ['admin', 'manager', 'agent'],
  },
  { method: 'GET', url: '/api/v1/presence/agents', path: '/api/v1/presence/agents', allowed: leads },
  // Testimonials: managers and admins only; referrals: everyone records, managers move the reward.
  { method: 'GET', url: '/api/v1/testimonials', path: '/api/v1/testimonials', allowed: leads },
  {
    method: 'GET',
    url: '/api/v1/testimonials/export?format=json',
    path: '/api/v1/testimonials/export',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/testimonials/999999', path: '/api/v1/testimonials/{id}', allowed: leads },
  { method: 'PATCH', url: '/api/v1/testimonials/999999', path: '/api/v1/testimonials/{id}', allowed: leads },
  {
    method: 'GET',
    url: '/api/v1/testimonial-settings',
    path: '/api/v1/testimonial-settings',
    allowed: leads,
  },
  {
    method: 'PATCH',
    url: '/api/v1/testimonial-settings',
    path: '/api/v1/testimonial-settings',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/referrals', path: '/api/v1/referrals', allowed: staff },
  { method: 'POST', url: '/api/v1/referrals', path: '/api/v1/referrals', allowed: staff },
  { method: 'GET', url: '/api/v1/referrals/999999', path: '/api/v1/referrals/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/referrals/999999', path: '/api/v1/referrals/{id}', allowed: staff },
  {
    method: 'POST',
    url: '/api/v1/referrals/999999/state',
    path: '/api/v1/referrals/{id}/state',
    allowed: leads,
  },
  // Reports: the policy lets agents through to the service, which refuses an agent who leads no team.
  {
    method: 'GET',
    url: `/api/v1/reports/volume?${period}`,
    path: '/api/v1/reports/{report}',
    allowed: leads,
  },
  {
    method: 'GET',
    url: `/api/v1/reports/speed/export?format=csv&${period}`,
    path: '/api/v1/reports/{report}/export',
    allowed: leads,
  },
  {
    method: 'GET',
    url: `/api/v1/reports/drill?metric=created&${period}`,
    path: '/api/v1/reports/drill',
    allowed: leads,
  },
  // Goals: everyone reads what concerns them; writing is checked per goal in the service (a
  // team's lead keeps their team's), so an agent gets past the policy to a 400 or a 404 here.
  { method: 'GET', url: '/api/v1/goals', path: '/api/v1/goals', allowed: staff },
  { method: 'POST', url: '/api/v1/goals', path: '/api/v1/goals', allowed: staff },
  { method: 'GET', url: '/api/v1/goals/999999', path: '/api/v1/goals/{id}', allowed: staff },
  { method: 'PATCH', url: '/api/v1/goals/999999', path: '/api/v1/goals/{id}', allowed: staff },
  { method: 'DELETE', url: '/api/v1/goals/999999', path: '/api/v1/goals/{id}', allowed: staff },
  // Scorecards: an agent only their own (and a lead their team's), refused for anyone else's.
  {
    method: 'GET',
    url: '/api/v1/scorecards/agents/999999',
    path: '/api/v1/scorecards/agents/{id}',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/scorecards/teams/999999',
    path: '/api/v1/scorecards/teams/{id}',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/report-shares', path: '/api/v1/report-shares', allowed: leads },
  { method: 'POST', url: '/api/v1/report-shares', path: '/api/v1/report-shares', allowed: leads },
  {
    method: 'DELETE',
    url: '/api/v1/report-shares/999999',
    path: '/api/v1/report-shares/{id}',
    allowed: leads,
  },
  { method: 'GET', url: '/api/v1/report-schedules', path: '/api/v1/report-schedules', allowed: leads },
  { method: 'POST', url: '/api/v1/report-schedules', path: '/api/v1/report-schedules', allowed: leads },
  {
    method: 'PATCH',
    url: '/api/v1/report-schedules/999999',
    path: '/api/v1/report-schedules/{id}',
    allowed: leads,
  },
  {
    method: 'DELETE',
    url: '/api/v1/report-schedules/999999',
    path: '/api/v1/report-schedules/{id}',
    allowed: leads,
  },
  {
    method: 'GET',
    url: '/api/v1/report-schedules/999999/runs',
    path: '/api/v1/report-schedules/{id}/runs',
    allowed: leads,
  },
  {
    method: 'POST',
    url: '/api/v1/report-schedules/999999/send',
    path: '/api/v1/report-schedules/{id}/send',
    allowed: leads,
  },
];
const publicRoutes = [
  { method: 'POST', path: '/api/v1/auth/login' },
  { method: 'POST', path: '/api/v1/portal/magic-links' },
  { method: 'POST', path: '/api/v1/portal/sessions' },
  { method: 'POST', path: '/api/v1/public/contact' },
  { method: 'GET', path: '/api/v1/public/surveys/{token}' },
  { method: 'PUT', path: '/api/v1/public/surveys/{token}/answer' },
  { method: 'GET', path: '/api/v1/public/nps/{token}' },
  { method: 'PUT', path: '/api/v1/public/nps/{token}/answer' },
  { method: 'GET', path: '/api/v1/public/unsubscribe/{token}' },
  { method: 'POST', path: '/api/v1/public/unsubscribe/{token}' },
  { method: 'GET', path: '/api/v1/public/shared-reports/{token}' },
  { method: 'GET', path: '/api/v1/public/shared-reports/{token}/export' },
  { method: 'GET', path: '/api/v1/public/testimonials/{token}' },
  { method: 'POST', path: '/api/v1/public/testimonials/{token}' },
];

describeApi('access matrix', (t) => {
  async function principals(): Promise<Record<Principal, Auth>> {
    return {
      admin: await t.signIn('admin'),
      manager: await t.signIn('manager'),
      agent: await t.signIn('agent'),
      customer: await t.signIn('customer'),
      'token:admin': await t.tokenFor('admin'),
      'token:manager': await t.tokenFor('manager'),
      'token:agent': await t.tokenFor('agent'),
    };
  }

  it.each(matrix)('$method $url', async (route) => {
    const anonymous = await t.app.inject({
      method: route.method,
      url: route.url,
      payload: route.method === 'GET' ? undefined : {},
    });
    expect(anonymous.statusCode, 'anonymous').toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const who = await principals();
    for (const [name, auth] of Object.entries(who) as [Principal, Auth][]) {
      const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const res = await t.request(auth, { method: route.method, url: route.url, payload });
      if (route.allowed.includes(name)) {
        expect([401, 403], `${name} should pass ${route.method} ${route.url}: ${res.body}`).not.toContain(
          res.statusCode,
        );
      } else {
        expect(res.statusCode, `${name} should be refused ${route.method} ${route.url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('lists every API route of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const listed = [...matrix, ...publicRoutes].map((r) => `${r.method} ${r.path}`);
    expect(documented.filter((r) => r.includes('/api/v1/')).sort()).toEqual([...new Set(listed)].sort());
  });
});
