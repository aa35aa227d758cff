import { Box, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { IconUser } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { type ColumnKey, columnLabels } from './columns';

export type Icon = typeof IconUser;

export const dimmedIcon = 'var(--mantine-color-dimmed)';

interface DetailProps {
  column: ColumnKey;
  icon: Icon;
  /** Shown on hover, e.g. "Team: Billing"; nothing when the content has its own tooltip. */
  hint?: string;
  color?: string;
  children: ReactNode;
}

const CELL_HEIGHT = 20;
export const CELL_LINE = CELL_HEIGHT + 2;

/**
 * A details cell is always whole on its line, with its text cut short when it is too long. The
 * line around it sets `--cell-max`, the widest a cell may be.
 */
export const cellStyle: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  height: CELL_HEIGHT,
  marginBlock: 1,
  maxWidth: 'var(--cell-max, 100%)',
  minWidth: 0,
  overflow: 'hidden',
};

/** One column's value in a row's details line: an icon, the value, and the column's name for screen readers. */
export function Detail({ column, icon: IconOf, hint, color, children }: DetailProps) {
  const cell = (
    <Box component="span" data-column={column} style={cellStyle}>
      <IconOf size={13} stroke={1.7} color={color ?? dimmedIcon} aria-hidden style={{ flexShrink: 0 }} />
      <VisuallyHidden>{columnLabels[column]}: </VisuallyHidden>
      <Text span fz="xs" c={color ? undefined : 'dimmed'} style={{ color }} truncate="end" miw={0}>
        {children}
      </Text>
    </Box>
  );
  return hint ? (
    <Tooltip label={hint} openDelay={400}>
      {cell}
    </Tooltip>
  ) : (
    cell
  );
}
