import { Button, Checkbox, Group, MultiSelect, Popover, Stack, TagsInput, Text } from '@mantine/core';
import { IconChevronDown, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TicketPriority, TicketStatus } from '../../../contracts/tickets';
import {
  isTicketPriority,
  isTicketStatus,
  priorityLabels,
  priorityOptions,
  statusLabels,
  statusOptions,
} from '../../app/ticketLabels';
import { useTeamOptions } from '../teams/teams.queries';
import { useStaffOptions } from '../users/users.queries';
import { type ChipFilters, compactFilters } from './inbox.url';

interface FilterBarProps {
  filters: ChipFilters;
  onChange: (filters: ChipFilters) => void;
}

type PersonValue = number | 'me' | 'none';
type TeamValue = number | 'mine' | 'none';

function toPerson(value: string): PersonValue {
  return value === 'me' || value === 'none' ? value : Number(value);
}

function toTeam(value: string): TeamValue {
  return value === 'mine' || value === 'none' ? value : Number(value);
}

/** Chips that narrow the list: status, priority, assignee, team and tags. */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const staff = useStaffOptions();
  const teams = useTeamOptions();
  const set = (patch: ChipFilters) => onChange(compactFilters({ ...filters, ...patch }));

  const personOptions = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Nobody (unassigned)' },
    ...(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
  ];
  const teamOptions = [
    { value: 'mine', label: 'My teams' },
    { value: 'none', label: 'No team' },
    ...(teams.data ?? []),
  ];
  const labelOf = (options: { value: string; label: string }[], value: string | number) =>
    options.find((o) => o.value === String(value))?.label ?? String(value);

  const active = Object.keys(filters).length > 0;

  return (
    <Group gap={6} wrap="wrap" role="group" aria-label="Filters">
      <FilterChip
        name="Status"
        summary={filters.status?.map((s) => statusLabels[s])}
        onClear={() => set({ status: undefined })}
      >
        <Checkbox.Group
          aria-label="Status"
          value={filters.status ?? []}
          onChange={(values) => set({ status: values.filter(isTicketStatus) as TicketStatus[] })}
        >
          <Stack gap="xs">
            {statusOptions.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      </FilterChip>
      <FilterChip
        name="Priority"
        summary={filters.priority?.map((p) => priorityLabels[p])}
        onClear={() => set({ priority: undefined })}
      >
        <Checkbox.Group
          aria-label="Priority"
          value={filters.priority ?? []}
          onChange={(values) => set({ priority: values.filter(isTicketPriority) as TicketPriority[] })}
        >
          <Stack gap="xs">
            {priorityOptions.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      </FilterChip>
      <FilterChip
        name="Assignee"
        summary={filters.assignee?.map((a) => labelOf(personOptions, a))}
        onClear={() => set({ assignee: undefined })}
      >
        <MultiSelect
          label="Assigned to"
          data={personOptions}
          value={(filters.assignee ?? []).map(String)}
          onChange={(values) => set({ assignee: values.map(toPerson) })}
          searchable
          nothingFoundMessage="Nobody by that name"
          comboboxProps={{ withinPortal: false }}
          w={260}
        />
      </FilterChip>
      <FilterChip
        name="Team"
        summary={filters.team?.map((t) => labelOf(teamOptions, t))}
        onClear={() => set({ team: undefined })}
      >
        <MultiSelect
          label="Team"
          data={teamOptions}
          value={(filters.team ?? []).map(String)}
          onChange={(values) => set({ team: values.map(toTeam) })}
          searchable
          nothingFoundMessage="No team by that name"
          comboboxProps={{ withinPortal: false }}
          w={260}
        />
      </FilterChip>
      <FilterChip name="Tags" summary={filters.tags} onClear={() => set({ tags: undefined })}>
        <TagsInput
          label="Has all of these tags"
          description="Press Enter after each tag"
          value={filters.tags ?? []}
          onChange={(values) => set({ tags: values.map((t) => t.trim().toLowerCase()).filter(Boolean) })}
          comboboxProps={{ withinPortal: false }}
          w={260}
        />
      </FilterChip>
      {active && (
        <Button variant="subtle" size="compact-sm" color="gray" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

function FilterChip({
  name,
  summary,
  onClear,
  children,
}: {
  name: string;
  summary: string[] | undefined;
  onClear: () => void;
  children: ReactNode;
}) {
  const set = summary && summary.length > 0;
  const text = set
    ? `${name}: ${summary.slice(0, 2).join(', ')}${summary.length > 2 ? ` +${summary.length - 2}` : ''}`
    : name;
  return (
    <Group gap={0} wrap="nowrap">
      <Popover position="bottom-start" shadow="md" withinPortal trapFocus>
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
