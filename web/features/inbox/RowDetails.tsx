import { Box, Group } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { TicketRow } from '../tickets/tickets.queries';
import type { ColumnKey, RowLayout } from './columns';
import { CELL_LINE } from './Detail';
import { BadgeCell, DetailCell, detailHasValue } from './TicketCells';

interface RowDetailsProps {
  ticket: TicketRow;
  layout: RowLayout;
  compact: boolean;
}

/** Cells side by side, wrapping whole; the first on a line is cut short when it is too long. */
function CellLine({
  columns,
  ticket,
  oneLine,
}: {
  columns: ColumnKey[];
  ticket: TicketRow;
  oneLine: boolean;
}) {
  const style: CSSProperties & Record<`--${string}`, string> = {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: 12,
    flex: 1,
    minWidth: 0,
    maxHeight: oneLine ? CELL_LINE : undefined,
    overflow: 'hidden',
    '--cell-max': oneLine ? '100%' : 'min(100%, 16rem)',
  };
  return (
    <Box style={style}>
      {columns.map((column) => (
        <DetailCell key={column} column={column} ticket={ticket} />
      ))}
    </Box>
  );
}

/**
 * The chosen columns under the subject, with status and priority at the right of the first line.
 * Comfortable rows show every cell, the rest wrapping below; compact rows keep that one line and
 * show the cells that fit whole, in the view's order.
 */
export function RowDetails({ ticket, layout, compact }: RowDetailsProps) {
  const present = layout.details.filter((column) => detailHasValue(column, ticket));
  const first = compact ? present : present.slice(0, 1);
  const rest = compact ? [] : present.slice(1);
  if (first.length === 0 && rest.length === 0 && layout.badges.length === 0) return null;
  return (
    <Box>
      {(first.length > 0 || layout.badges.length > 0) && (
        <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
          <CellLine columns={first} ticket={ticket} oneLine />
          {layout.badges.length > 0 && (
            <Group gap={4} wrap="nowrap" h={CELL_LINE} style={{ flexShrink: 0 }}>
              {layout.badges.map((column) => (
                <BadgeCell key={column} column={column} ticket={ticket} />
              ))}
            </Group>
          )}
        </Group>
      )}
      {rest.length > 0 && <CellLine columns={rest} ticket={ticket} oneLine={false} />}
    </Box>
  );
}
