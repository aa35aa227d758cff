import { Box, Checkbox, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fragment, memo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TicketRow } from '../tickets/tickets.queries';
import type { RowLayout } from './columns';
import type { Density } from './density';
import { RowDetails } from './RowDetails';
import { CornerCell } from './TicketCells';

interface TicketListRowProps {
  ticket: TicketRow;
  to: string;
  open: boolean;
  cursor: boolean;
  selected: boolean;
  onToggle: (id: number) => void;
  layout: RowLayout;
  density: Density;
}

/** The words around the matches of a search, with the matches marked; no other markup survives. */
function Snippet({ html, lines }: { html: string; lines: number }) {
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
    <Text fz="xs" c="dimmed" lineClamp={lines}>
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
  layout,
  density,
}: TicketListRowProps) {
  const compact = density === 'compact';
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
      data-density={density}
      px="sm"
      py={compact ? 4 : 10}
      style={{
        listStyle: 'none',
        background,
        borderBottom: '1px solid var(--mantine-color-default-border)',
        boxShadow: cursor ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={compact ? 3 : 2}
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
        >
          <Stack gap={compact ? 1 : 4}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap" miw={0}>
                {layout.withId && (
                  <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }} data-column="id">
                    #{ticket.id}
                  </Text>
                )}
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
                <Text fz="sm" fw={ticket.status === 'new' ? 700 : 500} truncate="end" data-column="subject">
                  {ticket.subject}
                </Text>
              </Group>
              {layout.corner && <CornerCell column={layout.corner} ticket={ticket} />}
            </Group>
            <RowDetails ticket={ticket} layout={layout} compact={compact} />
            {ticket.snippet && <Snippet html={ticket.snippet} lines={compact ? 1 : 2} />}
          </Stack>
        </UnstyledButton>
      </Group>
    </Box>
  );
});
