import { Checkbox, Group, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ViewSort } from '../../../contracts/tickets';
import { channelLabels, typeLabels } from '../../app/ticketLabels';
import { RelativeTime } from '../../components/RelativeTime';
import type { TicketRow } from '../tickets/tickets.queries';
import { type ColumnKey, columnLabels, firstSortOf, sortKeyOf } from './columns';
import type { Density } from './density';
import { BadgeCell, DetailCell } from './TicketCells';

interface TicketTableProps {
  rows: TicketRow[];
  columns: ColumnKey[];
  sort: ViewSort;
  onSort: (sort: ViewSort) => void;
  linkTo: (ticketId: number) => string;
  openTicketId: number | null;
  cursor: number | null;
  selected: Set<number>;
  onToggle: (id: number) => void;
  density: Density;
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

/** A column's header; a button that sorts by it when the list can be sorted so. */
function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: ColumnKey;
  sort: ViewSort;
  onSort: (s: ViewSort) => void;
}) {
  const key = sortKeyOf(column);
  const label = columnLabels[column];
  if (!key)
    return (
      <Table.Th fz="xs" c="dimmed">
        {label}
      </Table.Th>
    );
  const active = sort.by === key;
  const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
  const next: ViewSort = active ? { by: key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : firstSortOf(key);
  return (
    <Table.Th aria-sort={active ? ariaSort[sort.dir] : 'none'} data-column={column}>
      <UnstyledButton
        onClick={() => onSort(next)}
        fz="xs"
        c={active ? undefined : 'dimmed'}
        fw={active ? 700 : 600}
      >
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={13} stroke={1.8} aria-hidden style={{ opacity: active ? 1 : 0.5 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

const none = (
  <Text span fz="sm" c="dimmed">
    —
  </Text>
);

function text(value: string | null | undefined) {
  return value ? (
    <Text span fz="sm" truncate="end" display="block" maw={220}>
      {value}
    </Text>
  ) : (
    none
  );
}

function SubjectCell({ ticket, to, open }: { ticket: TicketRow; to: string; open: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      {ticket.escalation && (
        <Tooltip label={`Escalated: ${ticket.escalation.reason}`}>
          <IconAlertTriangle
            size={14}
            color="var(--mantine-color-red-7)"
            aria-label="Escalated"
            style={{ flexShrink: 0 }}
          />
        </Tooltip>
      )}
      <UnstyledButton
        component={Link}
        to={to}
        aria-current={open ? 'page' : undefined}
        fz="sm"
        fw={ticket.status === 'new' ? 700 : 500}
        style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        maw={360}
      >
        {ticket.subject}
      </UnstyledButton>
    </Group>
  );
}

/** One ticket's value in a column of the table. */
function TableCell({
  column,
  ticket,
  to,
  open,
}: {
  column: ColumnKey;
  ticket: TicketRow;
  to: string;
  open: boolean;
}) {
  switch (column) {
    case 'id':
      return text(`#${ticket.id}`);
    case 'subject':
      return <SubjectCell ticket={ticket} to={to} open={open} />;
    case 'status':
    case 'priority':
      return <BadgeCell column={column} ticket={ticket} />;
    case 'created_at':
      return <RelativeTime value={ticket.createdAt} fz="sm" />;
    case 'updated_at':
      return <RelativeTime value={ticket.updatedAt} fz="sm" />;
    case 'due_at':
      return ticket.dueAt ? <DetailCell column="due_at" ticket={ticket} /> : none;
    case 'tags':
      return ticket.tags.length > 0 ? <DetailCell column="tags" ticket={ticket} /> : none;
    case 'sla':
      return ticket.sla ? <DetailCell column="sla" ticket={ticket} /> : none;
    case 'requester':
      return text(ticket.requester.name);
    case 'organization':
      return text(ticket.organization?.name);
    case 'type':
      return text(typeLabels[ticket.type]);
    case 'channel':
      return text(channelLabels[ticket.channel]);
    case 'assignee':
      return ticket.assignee ? (
        text(ticket.assignee.name)
      ) : (
        <Text span fz="sm" c="dimmed">
          Unassigned
        </Text>
      );
    case 'team':
      return text(ticket.team?.name);
    case 'category':
      return text(ticket.category?.name);
  }
}

/** Clicks on the row open the ticket, except on what takes a click of its own. */
const takesClick = (event: MouseEvent) =>
  (event.target as HTMLElement).closest('a, button, input, label') !== null;

/** The ticket list as a table: a column each, headers that sort. */
export function TicketTable({
  rows,
  columns,
  sort,
  onSort,
  linkTo,
  openTicketId,
  cursor,
  selected,
  onToggle,
  density,
}: TicketTableProps) {
  const navigate = useNavigate();
  const shown: ColumnKey[] = columns.includes('subject') ? columns : ['subject', ...columns];
  return (
    <Table
      stickyHeader
      highlightOnHover
      verticalSpacing={density === 'compact' ? 2 : 'xs'}
      horizontalSpacing="xs"
      style={{ minWidth: 120 + shown.length * 110, whiteSpace: 'nowrap' }}
      aria-label="Tickets"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>
            <VisuallyHidden>Select</VisuallyHidden>
          </Table.Th>
          {shown.map((column) => (
            <HeaderCell key={column} column={column} sort={sort} onSort={onSort} />
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((ticket) => {
          const open = ticket.id === openTicketId;
          const to = linkTo(ticket.id);
          return (
            <Table.Tr
              key={ticket.id}
              id={`ticket-row-${ticket.id}`}
              data-ticket-id={ticket.id}
              bg={
                open
                  ? 'var(--mantine-primary-color-light)'
                  : selected.has(ticket.id)
                    ? 'var(--mantine-color-default-hover)'
                    : undefined
              }
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if (!takesClick(event)) navigate(to);
              }}
            >
              <Table.Td
                style={{
                  boxShadow:
                    ticket.id === cursor ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
                }}
              >
                <Checkbox
                  size="xs"
                  checked={selected.has(ticket.id)}
                  onChange={() => onToggle(ticket.id)}
                  aria-label={`Select ticket #${ticket.id}`}
                />
              </Table.Td>
              {shown.map((column) => (
                <Table.Td key={column} data-column={column}>
                  <TableCell column={column} ticket={ticket} to={to} open={open} />
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
