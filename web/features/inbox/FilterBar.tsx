import { Button, Checkbox, Group, Menu, MultiSelect, Stack } from '@mantine/core';
import { IconFilterPlus } from '@tabler/icons-react';
import { useState } from 'react';
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
import { FilterChip } from './FilterChip';
import { type ChipFilters, compactFilters } from './inbox.url';
import { useMoreFilters } from './MoreFilters';

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

/**
 * Chips that narrow the list: status, priority, assignee and team always; any other filter a
 * ticket has once picked from "More filters" (or set in the address).
 */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const staff = useStaffOptions();
  const teams = useTeamOptions();
  const more = useMoreFilters(filters);
  /** Filters picked from the menu and not set yet: their chips stay while being filled in. */
  const [picked, setPicked] = useState<string[]>([]);
  const [justPicked, setJustPicked] = useState<string | null>(null);
  const set = (patch: ChipFilters) => onChange(compactFilters({ ...filters, ...patch }));
  const unpick = (key: string) => setPicked((keys) => keys.filter((k) => k !== key));
  const shown = more.filter((def) => def.summary?.length || picked.includes(def.key));
  const offered = more.filter((def) => !shown.includes(def));

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
      {shown.map((def) => (
        <FilterChip
          key={def.key}
          name={def.name}
          summary={def.summary}
          defaultOpened={def.key === justPicked}
          onClose={() => {
            setJustPicked(null);
            if (!def.summary?.length) unpick(def.key);
          }}
          onClear={() => {
            unpick(def.key);
            set(def.clear);
          }}
        >
          {def.editor(filters, set)}
        </FilterChip>
      ))}
      <Menu position="bottom-start" shadow="md" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconFilterPlus size={14} />}
            disabled={offered.length === 0}
          >
            More filters
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
          {offered.map((def) => (
            <Menu.Item
              key={def.key}
              onClick={() => {
                setPicked((keys) => [...keys, def.key]);
                setJustPicked(def.key);
              }}
            >
              {def.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {active && (
        <Button
          variant="subtle"
          size="compact-sm"
          color="gray"
          onClick={() => {
            setPicked([]);
            onChange({});
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
