import { ActionIcon, Checkbox, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { IconColumns3, IconLayoutList, IconTable } from '@tabler/icons-react';
import { type ColumnKey, columnOptions } from './columns';
import type { ListMode } from './listPane';

/** Cards or a table: two pressed-or-not buttons side by side. */
export function ListModeToggle({ mode, onChange }: { mode: ListMode; onChange: (mode: ListMode) => void }) {
  return (
    <ActionIcon.Group>
      <Tooltip label="Cards">
        <ActionIcon
          variant={mode === 'cards' ? 'light' : 'default'}
          aria-label="Show as cards"
          aria-pressed={mode === 'cards'}
          onClick={() => onChange('cards')}
        >
          <IconLayoutList size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Table">
        <ActionIcon
          variant={mode === 'table' ? 'light' : 'default'}
          aria-label="Show as a table"
          aria-pressed={mode === 'table'}
          onClick={() => onChange('table')}
        >
          <IconTable size={16} />
        </ActionIcon>
      </Tooltip>
    </ActionIcon.Group>
  );
}

const pickable = columnOptions.filter((o) => o.value !== 'subject');

/**
 * The table's columns, ticked on and off: the subject always leads, new columns go to the end.
 * Save the view to keep them.
 */
export function ColumnsPicker({
  columns,
  onChange,
}: {
  columns: readonly ColumnKey[];
  onChange: (columns: ColumnKey[]) => void;
}) {
  const toggle = (column: ColumnKey, on: boolean) =>
    onChange(on ? [...columns, column] : columns.filter((c) => c !== column));
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Tooltip label="Columns">
          <ActionIcon variant="default" aria-label="Choose columns">
            <IconColumns3 size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label="Columns">
          <Text fz="xs" c="dimmed" maw={200}>
            The subject always shows. Save the view to keep your columns.
          </Text>
          {pickable.map((o) => (
            <Checkbox
              key={o.value}
              size="xs"
              label={o.label}
              checked={columns.includes(o.value)}
              disabled={columns.includes(o.value) && columns.filter((c) => c !== 'subject').length <= 1}
              onChange={(event) => toggle(o.value, event.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
