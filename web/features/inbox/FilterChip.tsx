import { Button, Group, Popover, Text } from '@mantine/core';
import { IconChevronDown, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface FilterChipProps {
  name: string;
  /** What the filter holds, in words; nothing when it is not set. */
  summary: string[] | undefined;
  onClear: () => void;
  /** Opens at once: a filter just added from "More filters". */
  defaultOpened?: boolean;
  onClose?: () => void;
  children: ReactNode;
}

/** A filter as a button that opens its editor, with a clear button beside it once set. */
export function FilterChip({ name, summary, onClear, defaultOpened, onClose, children }: FilterChipProps) {
  const set = summary && summary.length > 0;
  const text = set
    ? `${name}: ${summary.slice(0, 2).join(', ')}${summary.length > 2 ? ` +${summary.length - 2}` : ''}`
    : name;
  return (
    <Group gap={0} wrap="nowrap">
      <Popover
        position="bottom-start"
        shadow="md"
        withinPortal
        trapFocus
        defaultOpened={defaultOpened}
        onClose={onClose}
      >
        <Popover.Target>
          <Button
            size="compact-sm"
            variant={set ? 'light' : 'default'}
            rightSection={<IconChevronDown size={12} />}
            aria-label={set ? `${name} filter: ${summary.join(', ')}` : `${name} filter`}
            style={set ? { borderTopRightRadius: 0, borderBottomRightRadius: 0 } : undefined}
            maw={220}
          >
            <Text span fz="xs" truncate="end">
              {text}
            </Text>
          </Button>
        </Popover.Target>
        <Popover.Dropdown>{children}</Popover.Dropdown>
      </Popover>
      {set && (
        <Button
          size="compact-sm"
          variant="light"
          px={4}
          onClick={onClear}
          aria-label={`Clear ${name.toLowerCase()} filter`}
          style={{
            borderTopLeftRadius: 0,
            borderBottomLeftRadius: 0,
            borderLeft: '1px solid var(--mantine-color-body)',
          }}
        >
          <IconX size={12} />
        </Button>
      )}
    </Group>
  );
}
