import { Box, Checkbox, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fragment, memo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { RelativeTime } from '../../components/RelativeTime';
import { PriorityBadge, TicketStatusBadge } from '../../components/TicketBadges';
import type { TicketRow } from '../tickets/tickets.queries';

interface TicketListRowProps {
  ticket: TicketRow;
  to: string;
  open: boolean;
  cursor: boolean;
  selected: boolean;
  onToggle: (id: number) => void;
}

/** The words around the matches of a search, with the matches marked; no other markup survives. */
function Snippet({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const parts: ReactNode[] = [];
  doc.body.childNodes.forEach((node, index) => {
    const text = node.textContent ?? '';
    if (!text) return;
    parts.push(
      node.nodeName === 'MARK' ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
        <mark key={index}>{text}</mark>
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
        <Fragment key={index}>{text}</Fragment>
      ),
    );
  });
  return (
    <Text fz="xs" c="dimmed" lineClamp={2}>
      {parts}
    </Text>
  );
}

export const TicketListRow = memo(function TicketListRow({
  ticket,
  to,
  open,
  cursor,
  selected,
  onToggle,
}: TicketListRowProps) {
  const background = open
    ? 'var(--mantine-primary-color-light)'
    : selected
      ? 'var(--mantine-color-default-hover)'
      : undefined;
  return (
    <Box
      component="li"
      id={`ticket-row-${ticket.id}`}
      data-ticket-id={ticket.id}
      px="sm"
      py={10}
      style={{
        listStyle: 'none',
        background,
        borderBottom: '1px solid var(--mantine-color-default-border)',
        boxShadow: cursor ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={2}
          size="xs"
          checked={selected}
          onChange={() => onToggle(ticket.id)}
          aria-label={`Select ticket #${ticket.id}`}
        />
        <UnstyledButton
          component={Link}
          to={to}
          aria-current={open ? 'page' : undefined}
          style={{ flex: 1, minWidth: 0 }}
          aria-label={`#${ticket.id} ${ticket.subject}`}
        >
          <Stack gap={4}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap" miw={0}>
                <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  #{ticket.id}
                </Text>
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
                <Text fz="sm" fw={ticket.status === 'new' ? 700 : 500} truncate="end">
                  {ticket.subject}
                </Text>
              </Group>
              <RelativeTime value={ticket.updatedAt} fz="xs" c="dimmed" style={{ flexShrink: 0 }} />
            </Group>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text fz="xs" c="dimmed" truncate="end" miw={0}>
                {ticket.requester.name} · {ticket.assignee ? ticket.assignee.name : 'Unassigned'}
              </Text>
              <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                <TicketStatusBadge status={ticket.status} size="xs" />
                <PriorityBadge priority={ticket.priority} size="xs" />
              </Group>
            </Group>
            {ticket.snippet && <Snippet html={ticket.snippet} />}
          </Stack>
        </UnstyledButton>
      </Group>
    </Box>
  );
});
