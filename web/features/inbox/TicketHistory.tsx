import { Text, Timeline } from '@mantine/core';
import type { SlaEvent } from '../../../contracts/sla';
import type { TicketEvent } from '../../../contracts/tickets';
import { formatMinutes } from '../../../contracts/time-entries';
import {
  isTicketPriority,
  isTicketStatus,
  isTicketType,
  priorityLabels,
  statusLabels,
  typeLabels,
} from '../../app/ticketLabels';
import { EmptyState } from '../../components/EmptyState';
import { RelativeTime } from '../../components/RelativeTime';
import { formatDuration } from '../../components/TicketClock';
import { useTeamOptions } from '../teams/teams.queries';
import { useCategories } from '../ticket-fields/ticket-fields.queries';
import { useStaffOptions } from '../users/users.queries';

type Names = (id: string | null) => string;

function label(value: string | null): string {
  if (value === null) return 'nothing';
  if (isTicketStatus(value)) return statusLabels[value];
  if (isTicketPriority(value)) return priorityLabels[value];
  if (isTicketType(value)) return typeLabels[value];
  return value;
}

function parsedValue(value: string | null): unknown {
  try {
    return value === null ? null : JSON.parse(value);
  } catch {
    return null;
  }
}

/** A tags event's list ("billing, vip"). */
function listOf(value: string | null): string {
  const list = parsedValue(value);
  return Array.isArray(list) ? list.map(String).join(', ') : '';
}

/** The minutes of a time event's entry ("25 min"), and whose they were when it names them. */
function timeOf(value: string | null): { minutes: string; userId: number | null } {
  const entry = parsedValue(value);
  const record = typeof entry === 'object' && entry !== null ? entry : {};
  return {
    minutes:
      'minutes' in record && typeof record.minutes === 'number' ? formatMinutes(record.minutes) : 'time',
    userId: 'userId' in record && typeof record.userId === 'number' ? record.userId : null,
  };
}

/** "Max removed 10 min logged by Lena", or "… 10 min they logged" when it was their own. */
function removedTime(event: TicketEvent, people: Names): string {
  const { minutes, userId } = timeOf(event.from);
  const who = event.actor.name;
  if (userId === null) return `${who} removed ${minutes} of logged time`;
  if (event.actor.type === 'user' && event.actor.id === userId)
    return `${who} removed ${minutes} they logged`;
  return `${who} removed ${minutes} logged by ${people(String(userId))}`;
}

/** The custom fields a change names ("product, plan"). */
function keysOf(value: string | null): string {
  const fields = parsedValue(value);
  return fields && typeof fields === 'object' ? Object.keys(fields).join(', ') : '';
}

function sentenceFor(event: TicketEvent, people: Names, teams: Names, categories: Names): string {
  const who = event.actor.name;
  switch (event.type) {
    case 'created':
      return `${who} opened the ticket as ${label(event.to)}`;
    case 'status_changed':
      return `${who} changed the status from ${label(event.from)} to ${label(event.to)}`;
    case 'assigned':
      return event.to === null ? `${who} unassigned the ticket` : `${who} assigned it to ${people(event.to)}`;
    case 'team_changed':
      return event.to === null ? `${who} removed the team` : `${who} moved it to ${teams(event.to)}`;
    case 'priority_changed':
      return `${who} changed the priority from ${label(event.from)} to ${label(event.to)}`;
    case 'type_changed':
      return `${who} changed the type from ${label(event.from)} to ${label(event.to)}`;
    case 'category_changed':
      return event.to === null
        ? `${who} removed the category`
        : `${who} set the category to ${categories(event.to)}`;
    case 'tags_changed':
      return `${who} changed the tags to ${listOf(event.to) || 'none'}`;
    case 'custom_fields_changed':
      return `${who} changed ${keysOf(event.to) || 'custom fields'}`;
    case 'time_logged':
      return `${who} logged ${timeOf(event.to).minutes}`;
    case 'time_removed':
      return removedTime(event, people);
    case 'survey_answered':
      return `${who} answered the satisfaction survey`;
    case 'replied':
      return `${who} replied to the customer`;
    case 'customer_replied':
      return `${who} wrote in`;
    case 'note_added':
      return `${who} added an internal note`;
    case 'first_reply':
      return `First reply, ${formatDuration(Number(event.to ?? 0) * 1000)} after the customer wrote`;
    case 'escalated':
      return `${who} escalated it${event.to ? `: ${event.to}` : ''}`;
    case 'routed':
      return `Routing: ${event.to ?? 'no decision'}`;
    case 'deescalated':
      return `${who} took back the escalation`;
    case 'merged':
      return `${who} merged it into #${event.to}`;
    case 'merged_in':
      return `${who} merged #${event.from} into this ticket`;
    case 'follow_up_created':
      return `Follow-up ticket #${event.to} opened`;
    case 'call_logged':
      return `${who} logged a phone call`;
    case 'visit_logged':
      return `${who} logged a visit`;
    case 'contact_logged':
      return `${who} logged a contact`;
    case 'macro_applied':
      return `${who} applied the macro ${event.to ?? ''}`.trimEnd();
    case 'trigger_fired':
      return `Trigger “${event.from}” fired: ${event.to || 'nothing to change'}`;
    case 'trigger_failed':
      return `Trigger “${event.from}” could not apply: ${event.to}`;
    case 'automation_acted':
      return `Automation “${event.from}”: ${event.to || 'nothing to change'}`;
    default:
      return `${who}: ${event.type.replace(/_/g, ' ')}`;
  }
}

interface HistoryItem {
  key: string;
  at: string;
  text: string;
}

/** Both histories in the order things happened; at the same moment the ticket's change comes first. */
function merged(ticketItems: HistoryItem[], slaItems: HistoryItem[]): HistoryItem[] {
  const items: HistoryItem[] = [];
  let s = 0;
  for (const item of ticketItems) {
    while (s < slaItems.length && Date.parse(slaItems[s]!.at) < Date.parse(item.at))
      items.push(slaItems[s++]!);
    items.push(item);
  }
  return items.concat(slaItems.slice(s));
}

/** The ticket's changes, with what moved its service-level clocks between them. */
export function TicketHistory({ events, slaEvents = [] }: { events: TicketEvent[]; slaEvents?: SlaEvent[] }) {
  const staff = useStaffOptions();
  const teams = useTeamOptions();
  const categories = useCategories();
  if (events.length === 0 && slaEvents.length === 0) return <EmptyState size="sm" title="No history yet" />;

  const people: Names = (id) => staff.data?.find((u) => String(u.id) === id)?.name ?? `user #${id}`;
  const teamName: Names = (id) => teams.data?.find((t) => t.value === id)?.label ?? `team #${id}`;
  const categoryName: Names = (id) =>
    categories.data?.find((c) => String(c.id) === id)?.path ?? `category #${id}`;
  const items = merged(
    events.map((event) => ({
      key: `ticket-${event.id}`,
      at: event.createdAt,
      text: sentenceFor(event, people, teamName, categoryName),
    })),
    slaEvents.map((event) => ({
      key: `sla-${event.id}`,
      at: event.at,
      text: `Service level: ${event.detail}`,
    })),
  );

  return (
    <Timeline bulletSize={12} lineWidth={2} role="list" aria-label="History">
      {items.map((item) => (
        <Timeline.Item role="listitem" key={item.key} title={<Text fz="sm">{item.text}</Text>}>
          <RelativeTime value={item.at} fz="xs" c="dimmed" />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
