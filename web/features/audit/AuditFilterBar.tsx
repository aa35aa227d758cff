import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFilterOff, IconX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import {
  type AuditAction,
  type AuditEntityType,
  auditActionNames,
  auditActions,
  auditEntityLabels,
  auditEntityTypes,
} from '../../../contracts/audit';
import { useStaffOptions } from '../users/users.queries';
import type { AuditFilters } from './audit.queries';

const today = () => dayjs().format('YYYY-MM-DD');
const daysAgo = (n: number) => dayjs().subtract(n, 'day').format('YYYY-MM-DD');

/** Every action of the table, grouped by what it is about. */
const actionOptions = auditEntityTypes
  .map((type) => ({
    group: auditEntityLabels[type],
    items: auditActionNames
      .filter((a) => auditActions[a].entity === type)
      .map((a) => ({ value: a, label: auditActions[a].label })),
  }))
  .filter((g) => g.items.length > 0);

const entityOptions = auditEntityTypes.map((type) => ({ value: type, label: auditEntityLabels[type] }));

const isAction = (value: string | null): value is AuditAction =>
  value !== null && (auditActionNames as readonly string[]).includes(value);
const isEntityType = (value: string | null): value is AuditEntityType =>
  value !== null && (auditEntityTypes as readonly string[]).includes(value);

interface Props {
  filters: AuditFilters;
  onChange: (change: Partial<AuditFilters>) => void;
  onClear: () => void;
  filtered: boolean;
  /** The name of the one thing the log is narrowed to, when it is. */
  entityName: string | null;
}

/** Who, what, about what and when: the audit log's filters. */
export function AuditFilterBar({ filters, onChange, onClear, filtered, entityName }: Props) {
  const staff = useStaffOptions();
  const actors = [
    ...(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
    { value: 'system', label: 'Steward (system)' },
  ];
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" maw={1040}>
        <Select
          label="Who"
          placeholder="Anyone"
          data={actors}
          value={filters.actor}
          onChange={(actor) => onChange({ actor })}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name"
        />
        <Select
          label="Action"
          placeholder="Any action"
          data={actionOptions}
          value={filters.action}
          onChange={(action) => onChange({ action: isAction(action) ? action : null })}
          searchable
          clearable
          nothingFoundMessage="No such action"
        />
        <Select
          label="About"
          placeholder="Anything"
          data={entityOptions}
          value={filters.entityType}
          onChange={(type) => onChange({ entityType: isEntityType(type) ? type : null, entityId: null })}
          clearable
        />
        <DatePickerInput
          type="range"
          label="When"
          placeholder="Any date"
          leftSection={<IconCalendar size={16} />}
          value={[filters.from, filters.to]}
          onChange={([from, to]) => onChange({ from, to })}
          allowSingleDateInRange
          clearable
          maxDate={today()}
          presets={[
            { value: [today(), today()], label: 'Today' },
            { value: [daysAgo(6), today()], label: 'Last 7 days' },
            { value: [daysAgo(29), today()], label: 'Last 30 days' },
          ]}
        />
      </SimpleGrid>
      {(filters.entityId || filtered) && (
        <Group gap="sm">
          {filters.entityId && (
            <Button
              variant="light"
              rightSection={<IconX size={14} />}
              onClick={() => onChange({ entityId: null })}
              aria-label={`Only ${entityName ?? `#${filters.entityId}`}: show everything instead`}
              maw="100%"
            >
              Only {entityName ?? `#${filters.entityId}`}
            </Button>
          )}
          {filtered && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
              Clear filters
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
