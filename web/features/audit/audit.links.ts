import type { AuditEntityType } from '../../../contracts/audit';
import type { Role } from '../../../contracts/common';
import { canOpenPage, type PageId } from '../../app/pages';

type Place = [page: PageId, href: string];

/** Where each kind of thing the log names is seen: the page that holds it, and the address. */
const places: Record<AuditEntityType, (id: string) => Place | null> = {
  ticket: (id) => ['inbox', `/inbox/all/tickets/${id}`],
  user: (id) => ['users', `/admin/users/${id}`],
  customer: (id) => ['customers', `/customers/${id}`],
  organization: (id) => ['customers', `/organizations/${id}`],
  team: () => ['teams', '/admin/teams'],
  view: (id) => ['inbox', `/inbox/${id}`],
  category: () => ['ticket-fields', '/admin/ticket-fields'],
  custom_field: () => ['ticket-fields', '/admin/ticket-fields'],
  settings: (id) => {
    if (id === 'mail') return ['mail', '/admin/mail/spam-rules'];
    if (id === 'surveys') return ['feedback', '/feedback/settings'];
    if (id === 'nps') return ['feedback', '/feedback/campaigns'];
    if (id === 'testimonials') return ['feedback', '/feedback/testimonials'];
    return ['ticket-fields', '/admin/ticket-fields'];
  },
  mailbox: () => ['mail', '/admin/mail/mailboxes'],
  mail_template: (id) => ['mail', `/admin/mail/templates?template=${encodeURIComponent(id)}`],
  mail_rule: () => ['mail', '/admin/mail/spam-rules'],
  inbound_mail: () => ['mail', '/admin/mail/received'],
  api_token: () => ['tokens', '/admin/tokens'],
  job_failure: () => ['jobs', '/admin/jobs'],
  business_calendar: () => ['business-hours', '/admin/business-hours'],
  sla_policy: () => ['sla-policies', '/admin/sla-policies'],
  contract: () => ['contracts', '/contracts'],
  nps_campaign: (id) => ['feedback', `/feedback/campaigns/${id}`],
  survey_reason: () => ['feedback', '/feedback/settings'],
  feedback_theme: () => ['feedback', '/feedback/themes'],
  theme_rule: () => ['feedback', '/feedback/themes'],
  follow_up: (id) => ['follow-ups', `/follow-ups?view=all&followUp=${encodeURIComponent(id)}`],
  macro: () => ['macros', '/admin/macros'],
  trigger: () => ['triggers', '/admin/triggers'],
  automation: () => ['automations', '/admin/automations'],
  goal: () => ['goals', '/goals'],
  report_share: () => ['report-delivery', '/reports/schedules?tab=shares'],
  report_schedule: () => ['report-delivery', '/reports/schedules'],
  testimonial: () => ['feedback', '/feedback/testimonials'],
  referral: () => ['feedback', '/feedback/referrals'],
  session: () => null,
};

/** The address of a thing the log names, when the viewer may open the page that shows it. */
export function entityHref(entity: { type: AuditEntityType; id: string }, role: Role): string | null {
  const place = places[entity.type](entity.id);
  return place && canOpenPage(role, place[0]) ? place[1] : null;
}
