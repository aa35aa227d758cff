import {
  type AuditEntityType,
  type Changes,
  clip,
  counted,
  isEmpty,
  listDiff,
  listOf,
  nestedChanges,
  type Part,
  type PhraseInput,
  recorded,
  recordedNumber,
  recordedText,
  ref,
  type Segment,
  type SpecialField,
  updateSentence,
  valueWords,
  withArticle,
  words,
} from './audit-wording';
import { formatMinutes } from './time-entries';

/** One audited action: what it is about, its name in the filter, and how an entry of it reads. */
interface ActionWording {
  entity: AuditEntityType;
  label: string;
  phrase: (input: PhraseInput) => Part[];
}

const on = (input: PhraseInput, noun = '') => [noun, ref(input.entity)];

/** " and changed status from open to pending", when a message also moved the ticket on. */
function statusTail(changes: Changes): Part[] {
  const status = changes.status;
  if (!status) return [];
  return [' and changed status from ', valueWords(status.before), ' to ', valueWords(status.after)];
}

/** A reply that also took an unassigned ticket (assign on reply) says so. */
function replyTail(changes: Changes): Part[] {
  return changes.assignee ? [...statusTail(changes), ' and took the ticket'] : statusTail(changes);
}

/** Members of a team by name, added and removed: "added Rosa Moreau to team Billing". */
const teamMembers: SpecialField = (change, t) => {
  const { added, removed } = listDiff(change.before, change.after);
  const parts: Part[] = [];
  if (added.length) parts.push(['added ', listOf(added), ' to ', t.noun, t.name]);
  if (removed.length) parts.push(['removed ', listOf(removed), ' from ', t.noun, t.name]);
  return parts.length ? listOf(parts) : null;
};

const teamLead: SpecialField = (change, t) => {
  const lead = valueWords(change.after);
  if (isEmpty(change.after)) return ['removed ', valueWords(change.before), ' as lead of ', t.noun, t.name];
  return ['made ', lead, ' lead of ', t.noun, t.name];
};

/** A person's teams by name: "added Rosa Moreau to team Billing". */
const userTeams: SpecialField = (change, t) => {
  const { added, removed } = listDiff(change.before, change.after);
  const parts: Part[] = [];
  if (added.length) parts.push(['added ', t.name, ' to ', counted('team', added)]);
  if (removed.length) parts.push(['removed ', t.name, ' from ', counted('team', removed)]);
  return parts.length ? listOf(parts) : null;
};

const userStatus: SpecialField = (change, t) => {
  if (change.after === 'deactivated') return ['deactivated ', t.name];
  if (change.before === 'deactivated') return ['reactivated ', t.name];
  return null;
};

const sharedView: SpecialField = (change, t) => [
  change.after ? 'shared ' : 'stopped sharing ',
  t.noun,
  t.name,
];

/** A ticket's custom fields, each by its key: "set order number to 1234 on ticket #12 …". */
const ticketCustomFields: SpecialField = (change, t) => {
  const inner = nestedChanges(change);
  if (!inner || !Object.keys(inner).length) return null;
  const entity = { type: 'ticket', id: null, name: '', exists: false } as const;
  return [updateSentence({ changes: inner, entity }, { prep: null, common: false }), ' on ', t.noun, t.name];
};

const userUpdate = (input: PhraseInput) =>
  updateSentence(input, {
    prep: 'for',
    special: { teams: userTeams, status: userStatus },
  });

function created(noun: string, input: PhraseInput, ...rest: Part[]): Part[] {
  return ['created ', noun, ref(input.entity), ...rest];
}

function deleted(verb: string, noun: string, input: PhraseInput): Part[] {
  return [verb, ' ', noun, input.entity.name];
}

/**
 * Every audited action and how it reads, the one place the audit log's words come from.
 * The writer accepts only these actions (`AuditAction`), and `audit-actions.test.ts` checks
 * that every action the server writes is here.
 */
export const auditActions = {
  // Signing in and out
  'auth.login': { entity: 'user', label: 'Signed in', phrase: () => ['signed in'] },
  'auth.magic_link': {
    entity: 'user',
    label: 'Signed in with an emailed link',
    phrase: () => ['signed in with an emailed link'],
  },
  'auth.logout': { entity: 'user', label: 'Signed out', phrase: () => ['signed out'] },
  'auth.login_failed': {
    entity: 'user',
    label: 'Failed sign-in',
    phrase: ({ changes }) => {
      const n = recordedNumber(changes, 'failedLogins', 'after');
      return ['failed to sign in', n !== null && n > 1 ? ` (${n} failed attempts in a row)` : ''];
    },
  },
  'auth.locked': {
    entity: 'user',
    label: 'Locked out',
    phrase: ({ changes }) => {
      const n = recordedNumber(changes, 'failedLogins', 'after');
      return ['was locked out', n !== null ? ` after ${n} failed sign-ins` : ''];
    },
  },
  'auth.session_revoked': {
    entity: 'session',
    label: 'Ended a session',
    phrase: () => ['ended one of their other sessions'],
  },

  // Staff and customer accounts
  'user.created': {
    entity: 'user',
    label: 'User created',
    phrase: (input) => {
      const role = recordedText(input.changes, 'role');
      const teams = recorded(input.changes, 'teams');
      const teamNames = Array.isArray(teams) ? teams.map(String) : [];
      return created(
        '',
        input,
        role ? ` as ${withArticle(role)}` : '',
        teamNames.length ? [' in ', counted('team', teamNames)] : '',
      );
    },
  },
  'user.updated': { entity: 'user', label: 'User changed', phrase: userUpdate },
  'user.deactivated': { entity: 'user', label: 'User deactivated', phrase: userUpdate },
  'user.password_reset': {
    entity: 'user',
    label: 'Password reset',
    phrase: (input) => ['set a new password for ', on(input), ' and signed them out everywhere'],
  },
  'user.two_factor_reset': {
    entity: 'user',
    label: 'Two-factor sign-in reset',
    phrase: (input) => ['turned off two-factor sign-in for ', on(input)],
  },
  'user.sessions_revoked': {
    entity: 'user',
    label: 'Signed out everywhere',
    phrase: (input) => {
      const n = recordedNumber(input.changes, 'sessions', 'before');
      return [
        'signed ',
        on(input),
        ' out everywhere',
        n !== null ? ` (${n === 1 ? '1 session' : `${n} sessions`})` : '',
      ];
    },
  },
  'user.profile_updated': {
    entity: 'user',
    label: 'Profile changed',
    phrase: (input) => ['updated their profile: ', updateSentence(input, { prep: null, common: false })],
  },
  'user.password_changed': {
    entity: 'user',
    label: 'Password changed',
    phrase: () => ['changed their password'],
  },
  'user.two_factor_enabled': {
    entity: 'user',
    label: 'Two-factor sign-in turned on',
    phrase: () => ['turned on two-factor sign-in'],
  },
  'user.two_factor_disabled': {
    entity: 'user',
    label: 'Two-factor sign-in turned off',
    phrase: () => ['turned off two-factor sign-in'],
  },

  // Teams
  'team.created': {
    entity: 'team',
    label: 'Team created',
    phrase: (input) => {
      const members = recorded(input.changes, 'members');
      const names = Array.isArray(members) ? members.map(String) : [];
      const lead = recordedText(input.changes, 'lead');
      return created(
        'team ',
        input,
        names.length ? [' with ', listOf(names)] : '',
        lead ? `, led by ${lead}` : '',
      );
    },
  },
  'team.updated': {
    entity: 'team',
    label: 'Team changed',
    phrase: (input) =>
      updateSentence(input, { noun: 'team ', special: { members: teamMembers, lead: teamLead } }),
  },
  'team.deleted': {
    entity: 'team',
    label: 'Team deleted',
    phrase: (input) => deleted('deleted', 'team ', input),
  },

  // API tokens
  'api_token.created': {
    entity: 'api_token',
    label: 'API token created',
    phrase: (input) => {
      const role = recordedText(input.changes, 'role');
      return created('API token ', input, role ? ` acting as ${withArticle(role)}` : '');
    },
  },
  'api_token.revoked': {
    entity: 'api_token',
    label: 'API token revoked',
    phrase: (input) => ['revoked API token ', ref(input.entity)],
  },

  // Tickets
  'ticket.created': {
    entity: 'ticket',
    label: 'Ticket created',
    phrase: (input) => {
      const requester = recordedText(input.changes, 'requester');
      const assignee = recordedText(input.changes, 'assignee');
      return created(
        'ticket ',
        input,
        requester ? ` for ${requester}` : '',
        assignee ? `, assigned to ${assignee}` : '',
      );
    },
  },
  'ticket.updated': {
    entity: 'ticket',
    label: 'Ticket changed',
    phrase: (input) =>
      updateSentence(input, { noun: 'ticket ', prep: 'on', special: { customFields: ticketCustomFields } }),
  },
  'ticket.replied': {
    entity: 'ticket',
    label: 'Replied to a customer',
    phrase: (input) => ['replied on ', on(input, 'ticket '), replyTail(input.changes)],
  },
  'ticket.note_added': {
    entity: 'ticket',
    label: 'Internal note added',
    phrase: (input) => ['added an internal note on ', on(input, 'ticket '), statusTail(input.changes)],
  },
  'ticket.escalated': {
    entity: 'ticket',
    label: 'Ticket escalated',
    phrase: (input) => {
      const escalation = input.changes.escalation?.after;
      const record = typeof escalation === 'object' && escalation !== null ? escalation : {};
      const to = 'escalatedTo' in record ? valueWords(record.escalatedTo) : null;
      const reason = 'reason' in record && typeof record.reason === 'string' ? record.reason : '';
      return [
        'escalated ',
        on(input, 'ticket '),
        to && to !== 'none' ? ` to ${to}` : '',
        reason ? `: “${clip(reason)}”` : '',
      ];
    },
  },
  'ticket.deescalated': {
    entity: 'ticket',
    label: 'Escalation withdrawn',
    phrase: (input) => ['withdrew the escalation of ', on(input, 'ticket ')],
  },
  'ticket.merged': {
    entity: 'ticket',
    label: 'Tickets merged',
    phrase: (input) => {
      const from = input.changes.mergedFrom?.after;
      const source =
        typeof from === 'object' && from !== null && 'id' in from
          ? ({
              text: `#${String(from.id)}${'subject' in from && typeof from.subject === 'string' ? ` ${clip(from.subject)}` : ''}`,
              entity: { type: 'ticket', id: String(from.id) },
            } satisfies Segment)
          : 'another ticket';
      const requester = input.changes.requester;
      return [
        'merged ticket ',
        source,
        ' into ',
        on(input, 'ticket '),
        requester
          ? ` (its requester ${valueWords(requester.before)} became ${valueWords(requester.after)})`
          : '',
      ];
    },
  },
  'ticket.time_logged': {
    entity: 'ticket',
    label: 'Time logged',
    phrase: (input) => {
      const minutes = recordedNumber(input.changes, 'minutes', 'after');
      return ['logged ', minutes === null ? 'time' : formatMinutes(minutes), ' on ', on(input, 'ticket ')];
    },
  },
  'ticket.time_removed': {
    entity: 'ticket',
    label: 'Logged time removed',
    phrase: (input) => {
      const minutes = recordedNumber(input.changes, 'minutes', 'before');
      const by = recordedText(input.changes, 'loggedBy');
      return [
        'removed ',
        minutes === null ? 'time' : formatMinutes(minutes),
        by ? ` logged by ${by}` : '',
        ' from ',
        on(input, 'ticket '),
      ];
    },
  },
  'ticket.copies_changed': {
    entity: 'ticket',
    label: 'Copies changed',
    phrase: (input) => {
      const copies = listDiff(input.changes.copies?.before, input.changes.copies?.after);
      const suggested = listDiff(input.changes.suggestions?.before, input.changes.suggestions?.after);
      const dismissed = suggested.removed.filter((a) => !copies.added.includes(a));
      const parts: Part[] = [];
      if (copies.added.length) parts.push(['put ', listOf(copies.added), ' in copy']);
      if (copies.removed.length) parts.push(['stopped copying ', listOf(copies.removed)]);
      if (dismissed.length) parts.push(['dismissed the suggested copy of ', listOf(dismissed)]);
      if (!parts.length) return ['changed the copies on ', on(input, 'ticket ')];
      return [listOf(parts), ' on ', on(input, 'ticket ')];
    },
  },

  // Views
  'view.created': {
    entity: 'view',
    label: 'View created',
    phrase: (input) => created(recorded(input.changes, 'shared') === true ? 'shared view ' : 'view ', input),
  },
  'view.updated': {
    entity: 'view',
    label: 'View changed',
    phrase: (input) => updateSentence(input, { noun: 'view ', special: { shared: sharedView } }),
  },
  'view.deleted': {
    entity: 'view',
    label: 'View deleted',
    phrase: (input) => deleted('deleted', 'view ', input),
  },

  // Customers and organisations
  'customer.created': {
    entity: 'customer',
    label: 'Customer created',
    phrase: (input) => ['added customer ', ref(input.entity)],
  },
  'customer.updated': {
    entity: 'customer',
    label: 'Customer changed',
    phrase: (input) => updateSentence(input, { noun: 'customer ', prep: 'for' }),
  },
  'customer.merged': {
    entity: 'customer',
    label: 'Customers merged',
    phrase: (input) => {
      const from = input.changes.mergedFrom?.after;
      const record = typeof from === 'object' && from !== null ? from : {};
      const name = 'name' in record && typeof record.name === 'string' ? record.name : 'another customer';
      const email = 'email' in record && typeof record.email === 'string' ? ` (${record.email})` : '';
      const tickets = 'tickets' in record && typeof record.tickets === 'number' ? record.tickets : null;
      return [
        'merged customer ',
        name,
        email,
        ' into ',
        ref(input.entity),
        tickets !== null ? `, moving ${tickets === 1 ? '1 ticket' : `${tickets} tickets`}` : '',
      ];
    },
  },
  'customer.note_added': {
    entity: 'customer',
    label: 'Customer note added',
    phrase: (input) => ['added a note on customer ', ref(input.entity)],
  },
  'organization.created': {
    entity: 'organization',
    label: 'Organisation created',
    phrase: (input) => created('organisation ', input),
  },
  'organization.updated': {
    entity: 'organization',
    label: 'Organisation changed',
    phrase: (input) => updateSentence(input, { noun: 'organisation ' }),
  },

  // Ticket fields and settings
  'category.created': {
    entity: 'category',
    label: 'Category created',
    phrase: (input) => created('category ', input),
  },
  'category.updated': {
    entity: 'category',
    label: 'Category changed',
    phrase: (input) => updateSentence(input, { noun: 'category ' }),
  },
  'custom_field.created': {
    entity: 'custom_field',
    label: 'Custom field created',
    phrase: (input) => {
      const type = recordedText(input.changes, 'type');
      return created('custom field ', input, type ? ` (${valueWords(type)})` : '');
    },
  },
  'custom_field.updated': {
    entity: 'custom_field',
    label: 'Custom field changed',
    phrase: (input) => updateSentence(input, { noun: 'custom field ' }),
  },
  'settings.updated': {
    entity: 'settings',
    label: 'Settings changed',
    phrase: (input) => updateSentence(input, { prep: 'in' }),
  },

  // Mail
  'mailbox.created': {
    entity: 'mailbox',
    label: 'Mailbox added',
    phrase: (input) => ['added mailbox ', ref(input.entity)],
  },
  'mailbox.updated': {
    entity: 'mailbox',
    label: 'Mailbox changed',
    phrase: (input) => updateSentence(input, { noun: 'mailbox ' }),
  },
  'mailbox.deleted': {
    entity: 'mailbox',
    label: 'Mailbox removed',
    phrase: (input) => deleted('removed', 'mailbox ', input),
  },
  'mail_template.updated': {
    entity: 'mail_template',
    label: 'Mail template changed',
    phrase: (input) => updateSentence(input, { noun: 'mail template ' }),
  },
  'mail_template.reset': {
    entity: 'mail_template',
    label: 'Mail template reset',
    phrase: (input) => ['reset mail template ', ref(input.entity), ' to its default'],
  },
  'mail_rule.created': {
    entity: 'mail_rule',
    label: 'Spam rule added',
    phrase: (input) => ['added spam rule ', ref(input.entity)],
  },
  'mail_rule.deleted': {
    entity: 'mail_rule',
    label: 'Spam rule removed',
    phrase: (input) => deleted('removed', 'spam rule ', input),
  },
  'inbound_mail.retried': {
    entity: 'inbound_mail',
    label: 'Received mail processed again',
    phrase: (input) => ['had received mail ', ref(input.entity), ' processed again'],
  },
  'inbound_mail.deleted': {
    entity: 'inbound_mail',
    label: 'Received mail deleted',
    phrase: (input) => {
      const sender = recordedText(input.changes, 'sender');
      return [deleted('deleted', 'received mail ', input), sender ? ` from ${sender}` : ''];
    },
  },

  // Background work
  // Business hours
  'business_hours.created': {
    entity: 'business_calendar',
    label: 'Business hours created',
    phrase: (input) => created('business-hours calendar ', input),
  },
  'business_hours.updated': {
    entity: 'business_calendar',
    label: 'Business hours changed',
    phrase: (input) => updateSentence(input, { noun: 'business-hours calendar ' }),
  },
  'business_hours.deleted': {
    entity: 'business_calendar',
    label: 'Business hours deleted',
    phrase: (input) => deleted('deleted', 'business-hours calendar ', input),
  },
  'business_hours.holidays_imported': {
    entity: 'business_calendar',
    label: 'Holidays imported',
    phrase: (input) => ['imported holidays into ', ref(input.entity)],
  },

  // Service levels
  'sla_policy.created': {
    entity: 'sla_policy',
    label: 'Service-level policy created',
    phrase: (input) => created('service-level policy ', input),
  },
  'sla_policy.updated': {
    entity: 'sla_policy',
    label: 'Service-level policy changed',
    phrase: (input) => updateSentence(input, { noun: 'service-level policy ' }),
  },
  'sla_policy.deleted': {
    entity: 'sla_policy',
    label: 'Service-level policy deleted',
    phrase: (input) => deleted('deleted', 'service-level policy ', input),
  },
  'sla_policy.reordered': {
    entity: 'sla_policy',
    label: 'Service-level policies reordered',
    phrase: () => ['changed the order in which service-level policies apply'],
  },

  // Data quality
  'data_quality.settings_updated': {
    entity: 'settings',
    label: 'Data-quality settings changed',
    phrase: (input) => updateSentence(input, { prep: 'in' }),
  },
  'data_quality.unassigned': {
    entity: 'ticket',
    label: 'Unassigned from a deactivated agent',
    phrase: (input) => ['unassigned ', ref(input.entity), ' from a deactivated agent (data-quality fix)'],
  },

  // Spike alerts
  'spikes.settings_updated': {
    entity: 'settings',
    label: 'Spike alert settings changed',
    phrase: (input) => updateSentence(input, { prep: 'in' }),
  },

  // Contracts
  'contract.created': {
    entity: 'contract',
    label: 'Contract created',
    phrase: (input) => created('contract ', input),
  },
  'contract.updated': {
    entity: 'contract',
    label: 'Contract changed',
    phrase: (input) => updateSentence(input, { noun: 'contract ' }),
  },
  'contract.deleted': {
    entity: 'contract',
    label: 'Contract deleted',
    phrase: (input) => deleted('deleted', 'contract ', input),
  },

  // Goals
  'goal.created': {
    entity: 'goal',
    label: 'Goal created',
    phrase: (input) => created('goal ', input),
  },
  'goal.updated': {
    entity: 'goal',
    label: 'Goal changed',
    phrase: (input) => updateSentence(input, { noun: 'goal ' }),
  },
  'goal.deleted': {
    entity: 'goal',
    label: 'Goal deleted',
    phrase: (input) => deleted('deleted', 'goal ', input),
  },

  // Feedback
  'feedback.settings_updated': {
    entity: 'settings',
    label: 'Survey settings changed',
    phrase: (input) => updateSentence(input, { prep: 'in' }),
  },
  'feedback.reason_created': {
    entity: 'survey_reason',
    label: 'Survey reason added',
    phrase: (input) => created('survey reason ', input),
  },
  'feedback.reason_updated': {
    entity: 'survey_reason',
    label: 'Survey reason changed',
    phrase: (input) => updateSentence(input, { noun: 'survey reason ' }),
  },
  'nps.campaign_created': {
    entity: 'nps_campaign',
    label: 'NPS campaign created',
    phrase: (input) => created('NPS campaign ', input),
  },
  'nps.campaign_updated': {
    entity: 'nps_campaign',
    label: 'NPS campaign changed',
    phrase: (input) => updateSentence(input, { noun: 'NPS campaign ' }),
  },
  'nps.settings_updated': {
    entity: 'settings',
    label: 'NPS settings changed',
    phrase: (input) => updateSentence(input, { prep: 'in' }),
  },
  'testimonial.updated': {
    entity: 'testimonial',
    label: 'Testimonial published or unpublished',
    phrase: (input) => updateSentence(input, { noun: 'testimonial ' }),
  },
  'testimonial.settings_updated': {
    entity: 'settings',
    label: 'Testimonial settings changed',
    phrase: (input) => updateSentence(input, { prep: 'in' }),
  },
  'referral.created': {
    entity: 'referral',
    label: 'Referral recorded',
    phrase: (input) => created('referral ', input),
  },
  'referral.updated': {
    entity: 'referral',
    label: 'Referral changed',
    phrase: (input) => updateSentence(input, { noun: 'referral ' }),
  },
  'feedback.theme_created': {
    entity: 'feedback_theme',
    label: 'Feedback theme added',
    phrase: (input) => created('feedback theme ', input),
  },
  'feedback.theme_updated': {
    entity: 'feedback_theme',
    label: 'Feedback theme renamed',
    phrase: (input) => updateSentence(input, { noun: 'feedback theme ' }),
  },
  'feedback.theme_deleted': {
    entity: 'feedback_theme',
    label: 'Feedback theme deleted',
    phrase: (input) => deleted('deleted', 'feedback theme ', input),
  },
  'feedback.theme_rule_created': {
    entity: 'theme_rule',
    label: 'Theme rule added',
    phrase: (input) => created('theme rule ', input),
  },
  'feedback.theme_rule_updated': {
    entity: 'theme_rule',
    label: 'Theme rule changed',
    phrase: (input) => updateSentence(input, { noun: 'theme rule ' }),
  },
  'feedback.theme_rule_deleted': {
    entity: 'theme_rule',
    label: 'Theme rule deleted',
    phrase: (input) => deleted('deleted', 'theme rule ', input),
  },
  'feedback.theme_rules_run': {
    entity: 'theme_rule',
    label: 'Theme rules run again',
    phrase: () => ['ran the theme rules again over past answers'],
  },
  'feedback.answer_tagged': {
    entity: 'feedback_theme',
    label: 'Answer tagged',
    phrase: (input) => ['tagged an answer with ', ref(input.entity)],
  },
  'feedback.answer_untagged': {
    entity: 'feedback_theme',
    label: 'Answer tag removed',
    phrase: (input) => ['removed ', ref(input.entity), ' from an answer'],
  },
  'follow_up.changed': {
    entity: 'follow_up',
    label: 'Follow-up changed',
    phrase: (input) => updateSentence(input, { noun: 'follow-up ' }),
  },
  'follow_up.contacted': {
    entity: 'follow_up',
    label: 'Customer contacted',
    phrase: (input) => ['contacted the customer of ', ref(input.entity)],
  },

  // Macros
  'macro.created': {
    entity: 'macro',
    label: 'Macro created',
    phrase: (input) => created('macro ', input),
  },
  'macro.updated': {
    entity: 'macro',
    label: 'Macro changed',
    phrase: (input) => updateSentence(input, { noun: 'macro ' }),
  },
  'macro.deleted': {
    entity: 'macro',
    label: 'Macro deleted',
    phrase: (input) => deleted('deleted', 'macro ', input),
  },

  // Routing
  'team.routing_changed': {
    entity: 'team',
    label: 'Team routing changed',
    phrase: (input) => updateSentence(input, { noun: 'the routing of team ' }),
  },
  'user.routing_changed': {
    entity: 'user',
    label: 'Agent routing settings changed',
    phrase: (input) => updateSentence(input, { noun: 'the routing settings of ' }),
  },
  'user.queue_reassigned': {
    entity: 'user',
    label: 'Queue reassigned',
    phrase: (input) => ['reassigned the open tickets of ', ref(input.entity)],
  },

  // Triggers and automations
  'trigger.created': {
    entity: 'trigger',
    label: 'Trigger created',
    phrase: (input) => created('trigger ', input),
  },
  'trigger.updated': {
    entity: 'trigger',
    label: 'Trigger changed',
    phrase: (input) => updateSentence(input, { noun: 'trigger ' }),
  },
  'trigger.deleted': {
    entity: 'trigger',
    label: 'Trigger deleted',
    phrase: (input) => deleted('deleted', 'trigger ', input),
  },
  'trigger.reordered': {
    entity: 'trigger',
    label: 'Triggers reordered',
    phrase: () => ['changed the order in which triggers run'],
  },
  'automation.created': {
    entity: 'automation',
    label: 'Automation created',
    phrase: (input) => created('automation ', input),
  },
  'automation.updated': {
    entity: 'automation',
    label: 'Automation changed',
    phrase: (input) => updateSentence(input, { noun: 'automation ' }),
  },
  'reports.share_created': {
    entity: 'report_share',
    label: 'Report share link created',
    phrase: (input) => created('report share link ', input),
  },
  'reports.share_revoked': {
    entity: 'report_share',
    label: 'Report share link revoked',
    phrase: (input) => deleted('revoked', 'report share link ', input),
  },
  'reports.schedule_created': {
    entity: 'report_schedule',
    label: 'Scheduled report created',
    phrase: (input) => created('scheduled report ', input),
  },
  'reports.schedule_updated': {
    entity: 'report_schedule',
    label: 'Scheduled report changed',
    phrase: (input) => updateSentence(input, { noun: 'scheduled report ' }),
  },
  'reports.schedule_deleted': {
    entity: 'report_schedule',
    label: 'Scheduled report deleted',
    phrase: (input) => deleted('deleted', 'scheduled report ', input),
  },
  'automation.deleted': {
    entity: 'automation',
    label: 'Automation deleted',
    phrase: (input) => deleted('deleted', 'automation ', input),
  },
  'automation.ran': {
    entity: 'automation',
    label: 'Automation run by hand',
    phrase: (input) => ['ran ', ref(input.entity), ' by hand'],
  },

  'job_failure.retried': {
    entity: 'job_failure',
    label: 'Failed job retried',
    phrase: (input) => ['queued ', ref(input.entity), ' to run again'],
  },
  'job_failure.discarded': {
    entity: 'job_failure',
    label: 'Failed job discarded',
    phrase: (input) => ['discarded ', input.entity.name],
  },
} as const satisfies Record<string, ActionWording>;

export type AuditAction = keyof typeof auditActions;
export const auditActionNames = Object.keys(auditActions) as [AuditAction, ...AuditAction[]];

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(auditActions, value);

/** "team frobbed: Billing" from an action the table does not know (written by another version). */
const unknownPhrase = (action: string, input: PhraseInput): Part[] => [
  action.replace(/[._]/g, ' '),
  ': ',
  ref(input.entity),
];

/** An entry as a sentence, without its actor: "changed priority from normal to high on ticket #12 Printer jam". */
export function describeAudit(action: string, input: PhraseInput): Segment[] {
  const wording: ActionWording | undefined = isAuditAction(action) ? auditActions[action] : undefined;
  return words(wording ? wording.phrase(input) : unknownPhrase(action, input));
}
