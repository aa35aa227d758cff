import { Badge, Box, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconApi,
  IconBrowser,
  IconBuilding,
  IconCalendarDue,
  IconCalendarPlus,
  IconCategory2,
  IconClockEdit,
  IconFolder,
  IconHeadset,
  IconLayoutDashboard,
  IconMail,
  IconMessageCircle,
  IconPhone,
  IconTag,
  IconUser,
  IconUserOff,
  IconUsersGroup,
  IconWalk,
} from '@tabler/icons-react';
import { formatDateTime } from '../../app/format';
import { useViewerTimeZone } from '../../app/session';
import { channelLabels, type TicketChannel, typeLabels } from '../../app/ticketLabels';
import { RelativeTime, relativeTime } from '../../components/RelativeTime';
import { PriorityBadge, TicketStatusBadge } from '../../components/TicketBadges';
import { formatDuration } from '../../components/TicketClock';
import { SlaChip } from '../sla/SlaChip';
import type { TicketRow } from '../tickets/tickets.queries';
import { type ColumnKey, columnLabels } from './columns';
import { cellStyle, Detail, dimmedIcon, type Icon } from './Detail';

const channelIcons: Record<TicketChannel, Icon> = {
  email: IconMail,
  web: IconBrowser,
  portal: IconLayoutDashboard,
  api: IconApi,
  phone: IconPhone,
  walk_in: IconWalk,
  other: IconMessageCircle,
};

const HOUR = 3600_000;

/** The due date in words and colour: "Due in 3 h" or "Overdue by 2 days"; calm once the ticket is done. */
function DueDetail({ ticket }: { ticket: TicketRow }) {
  const timeZone = useViewerTimeZone();
  if (!ticket.dueAt) return null;
  const now = Date.now();
  const left = Date.parse(ticket.dueAt) - now;
  const done = ticket.status === 'solved' || ticket.status === 'closed';
  const text = done
    ? `Due ${relativeTime(ticket.dueAt, now)}`
    : left < 0
      ? `Overdue by ${formatDuration(left)}`
      : `Due in ${formatDuration(left)}`;
  const color = done
    ? undefined
    : left < 0
      ? 'var(--steward-danger-text)'
      : left < 4 * HOUR
        ? 'var(--steward-warning-text)'
        : undefined;
  return (
    <Detail
      column="due_at"
      icon={IconCalendarDue}
      hint={`Due: ${formatDateTime(ticket.dueAt, timeZone)} (calendar hours)`}
      color={color}
    >
      {text}
    </Detail>
  );
}

const MAX_TAGS = 3;

function TagsDetail({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, MAX_TAGS);
  return (
    <Tooltip label={`Tags: ${tags.join(', ')}`} openDelay={400}>
      <Box component="span" data-column="tags" style={{ ...cellStyle, gap: 3 }}>
        <IconTag size={13} stroke={1.7} color={dimmedIcon} aria-hidden style={{ flexShrink: 0 }} />
        <VisuallyHidden>Tags: </VisuallyHidden>
        {shown.map((tag) => (
          <Badge
            key={tag}
            size="xs"
            variant="default"
            tt="none"
            maw={110}
            style={{ flexShrink: 1, minWidth: 0 }}
          >
            {tag}
          </Badge>
        ))}
        {tags.length > MAX_TAGS && (
          <Text span fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
            +{tags.length - MAX_TAGS}
          </Text>
        )}
      </Box>
    </Tooltip>
  );
}

/** Whether a row has something to show for a column; optional values may be missing. */
export function detailHasValue(column: ColumnKey, ticket: TicketRow): boolean {
  switch (column) {
    case 'organization':
      return ticket.organization !== null;
    case 'category':
      return ticket.category !== null;
    case 'tags':
      return ticket.tags.length > 0;
    case 'due_at':
      return ticket.dueAt !== null;
    case 'sla':
      return ticket.sla !== null;
    default:
      return true;
  }
}

/** A column's value in the details of a row; nothing when an optional value is missing. */
export function DetailCell({ column, ticket }: { column: ColumnKey; ticket: TicketRow }) {
  const hint = (value: string) => `${columnLabels[column]}: ${value}`;
  switch (column) {
    case 'requester':
      return (
        <Detail column={column} icon={IconUser} hint={hint(ticket.requester.name)}>
          {ticket.requester.name}
        </Detail>
      );
    case 'organization':
      return ticket.organization ? (
        <Detail column={column} icon={IconBuilding} hint={hint(ticket.organization.name)}>
          {ticket.organization.name}
        </Detail>
      ) : null;
    case 'assignee':
      return ticket.assignee ? (
        <Detail column={column} icon={IconHeadset} hint={hint(ticket.assignee.name)}>
          {ticket.assignee.name}
        </Detail>
      ) : (
        <Detail column={column} icon={IconUserOff} hint={hint('nobody yet')}>
          Unassigned
        </Detail>
      );
    case 'team':
      return (
        <Detail column={column} icon={IconUsersGroup} hint={hint(ticket.team?.name ?? 'none')}>
          {ticket.team?.name ?? 'No team'}
        </Detail>
      );
    case 'category':
      return ticket.category ? (
        <Detail column={column} icon={IconFolder} hint={hint(ticket.category.name)}>
          {ticket.category.name}
        </Detail>
      ) : null;
    case 'type':
      return (
        <Detail column={column} icon={IconCategory2} hint={hint(typeLabels[ticket.type])}>
          {typeLabels[ticket.type]}
        </Detail>
      );
    case 'channel':
      return (
        <Detail
          column={column}
          icon={channelIcons[ticket.channel]}
          hint={hint(channelLabels[ticket.channel])}
        >
          {channelLabels[ticket.channel]}
        </Detail>
      );
    case 'tags':
      return <TagsDetail tags={ticket.tags} />;
    case 'due_at':
      return <DueDetail ticket={ticket} />;
    case 'sla':
      return ticket.sla ? (
        <Box component="span" data-column="sla" style={cellStyle}>
          <SlaChip clock={ticket.sla} size="xs" />
        </Box>
      ) : null;
    case 'created_at':
      return (
        <Detail column={column} icon={IconCalendarPlus}>
          <RelativeTime value={ticket.createdAt} fz="xs" c="dimmed" />
        </Detail>
      );
    case 'updated_at':
      return (
        <Detail column={column} icon={IconClockEdit}>
          <RelativeTime value={ticket.updatedAt} fz="xs" c="dimmed" />
        </Detail>
      );
    default:
      return null;
  }
}

/** Status and priority look the same as everywhere else. */
export function BadgeCell({ column, ticket }: { column: ColumnKey; ticket: TicketRow }) {
  if (column === 'status')
    return (
      <Box component="span" data-column="status" style={{ display: 'flex' }}>
        <TicketStatusBadge status={ticket.status} size="xs" />
      </Box>
    );
  if (column === 'priority')
    return (
      <Box component="span" data-column="priority" style={{ display: 'flex' }}>
        <PriorityBadge priority={ticket.priority} size="xs" />
      </Box>
    );
  return null;
}

/** The time at the end of the title line: when the ticket last moved, or when it came in. */
export function CornerCell({ column, ticket }: { column: ColumnKey; ticket: TicketRow }) {
  const created = column === 'created_at';
  return (
    <Group gap={3} wrap="nowrap" data-column={column} style={{ flexShrink: 0 }}>
      {created && <IconCalendarPlus size={13} stroke={1.7} color={dimmedIcon} aria-hidden />}
      <VisuallyHidden>{columnLabels[column]}: </VisuallyHidden>
      <RelativeTime value={created ? ticket.createdAt : ticket.updatedAt} fz="xs" c="dimmed" />
    </Group>
  );
}
