import {
  firstNameOf,
  type MacroActions,
  type MacroChange,
  type MacroValues,
  type MacroVisibility,
} from '../../../contracts/macros';
import type { Ticket, UpdateTicketBody } from '../../../contracts/tickets';

/** A word for a field's value: "on_hold" reads "On hold", nothing reads "nobody" or "none". */
export function valueWords(value: string | number | boolean | null | undefined, empty = 'none'): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const text = String(value).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The placeholder values a ticket gives, for the person applying the macro. */
export function macroValuesOf(ticket: Ticket, agentName: string): MacroValues {
  return {
    'ticket.id': String(ticket.id),
    'ticket.subject': ticket.subject,
    'requester.name': ticket.requester.name,
    'requester.first_name': firstNameOf(ticket.requester.name),
    'requester.email': ticket.requester.email ?? '',
    'organization.name': ticket.organization?.name ?? '',
    'agent.name': agentName,
    'agent.first_name': firstNameOf(agentName),
  };
}

/** The tags after adding and removing: the ticket's order kept, new ones at the end. */
export function tagsAfter(
  tags: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
) {
  const removed = new Set(remove);
  const out = tags.filter((t) => !removed.has(t));
  for (const tag of add) if (!removed.has(tag) && !out.includes(tag)) out.push(tag);
  return out;
}

/**
 * The change a macro makes to a ticket, as the tickets module takes it: only what would differ.
 * `me` is the person applying it (null for an API token, which is no one to assign to).
 */
export function ticketUpdateOf(ticket: Ticket, actions: MacroActions, me: number | null): UpdateTicketBody {
  const update: UpdateTicketBody = {};
  if (actions.status && actions.status !== ticket.status) update.status = actions.status;
  if (actions.priority && actions.priority !== ticket.priority) update.priority = actions.priority;
  if (actions.type && actions.type !== ticket.type) update.type = actions.type;
  if (actions.assignee !== undefined) {
    const assigneeId = actions.assignee === 'me' ? me : actions.assignee;
    if (assigneeId !== (ticket.assignee?.id ?? null)) update.assigneeId = assigneeId;
  }
  if (actions.teamId !== undefined && actions.teamId !== (ticket.team?.id ?? null))
    update.teamId = actions.teamId;
  if (actions.addTags || actions.removeTags) {
    const tags = tagsAfter(ticket.tags, actions.addTags, actions.removeTags);
    if (tags.join('\n') !== ticket.tags.join('\n')) update.tags = tags;
  }
  const fields = Object.entries(actions.customFields ?? {}).filter(
    ([key, value]) => (ticket.customFields[key] ?? null) !== value,
  );
  if (fields.length > 0) update.customFields = Object.fromEntries(fields);
  return update;
}

/** Names the words need that the ticket does not carry: the new assignee's and team's, field labels. */
export interface ChangeNames {
  assignee: string | null;
  team: string | null;
  fieldLabels: Record<string, string>;
}

/** A ticket change in words, field by field: "Status: Open → Pending". */
export function changesInWords(ticket: Ticket, update: UpdateTicketBody, names: ChangeNames): MacroChange[] {
  const changes: MacroChange[] = [];
  const add = (field: string, label: string, before: string, after: string) =>
    changes.push({ field, label, before, after });
  if (update.status) add('status', 'Status', valueWords(ticket.status), valueWords(update.status));
  if (update.priority) add('priority', 'Priority', valueWords(ticket.priority), valueWords(update.priority));
  if (update.type) add('type', 'Type', valueWords(ticket.type), valueWords(update.type));
  if (update.assigneeId !== undefined)
    add('assignee', 'Assignee', ticket.assignee?.name ?? 'Nobody', names.assignee ?? 'Nobody');
  if (update.teamId !== undefined)
    add('team', 'Team', ticket.team?.name ?? 'No team', names.team ?? 'No team');
  if (update.tags)
    add('tags', 'Tags', ticket.tags.join(', ') || 'No tags', update.tags.join(', ') || 'No tags');
  for (const [key, value] of Object.entries(update.customFields ?? {}))
    add(
      `customFields.${key}`,
      names.fieldLabels[key] ?? key,
      valueWords(ticket.customFields[key] ?? null, 'Empty'),
      valueWords(value, 'Empty'),
    );
  return changes;
}

/** Where a macro belongs: a team macro names its team, a personal one its owner, a shared one neither. */
export function placementOf(
  visibility: MacroVisibility,
  teamId: number | null,
  ownerId: number | null,
): { team_id: number | null; owner_id: number | null } {
  if (visibility === 'team') return { team_id: teamId, owner_id: null };
  if (visibility === 'personal') return { team_id: null, owner_id: ownerId };
  return { team_id: null, owner_id: null };
}
