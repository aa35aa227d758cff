import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import {
  IconCalendar,
  IconChevronDown,
  IconChevronRight,
  IconFilterOff,
  IconListDetails,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../contracts/audit';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { TableFrame } from '../../components/TableFrame';
import { useStaffOptions } from '../users/users.queries';
import { AuditChanges } from './AuditChanges';
import { type AuditFilters, useAuditLog } from './audit.queries';

const entityTypes = [
  { value: 'user', label: 'User' },
  { value: 'team', label: 'Team' },
  { value: 'api_token', label: 'API token' },
  { value: 'session', label: 'Session' },
];

const entityLabels: Record<string, string> = Object.fromEntries(entityTypes.map((e) => [e.value, e.label]));

type DayRange = [string | null, string | null];

const today = () => dayjs().format('YYYY-MM-DD');
const daysAgo = (n: number) => dayjs().subtract(n, 'day').format('YYYY-MM-DD');

function EntityCell({ entry }: { entry: AuditEntry }) {
  const label = entityLabels[entry.entityType] ?? entry.entityType;
  if (entry.entityType === 'user' && entry.entityId) {
    return (
      <Anchor component={Link} to={`/admin/users/${entry.entityId}`} fz="sm">
        {label} #{entry.entityId}
      </Anchor>
    );
  }
  return (
    <Text fz="sm">
      {label}
      {entry.entityId ? ` #${entry.entityId}` : ''}
    </Text>
  );
}

function ActorCell({ entry }: { entry: AuditEntry }) {
  const { actor } = entry;
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz="sm" truncate="end">
        {actor.name}
      </Text>
      {actor.type !== 'user' && (
        <Badge size="xs" variant="outline" color="gray">
          {actor.type === 'token' ? 'API token' : 'System'}
        </Badge>
      )}
    </Group>
  );
}

export function AuditPage() {
  const staff = useStaffOptions();
  const [actorId, setActorId] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [range, setRange] = useState<DayRange>([null, null]);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());

  const [start, end] = range;
  const filters: AuditFilters = {
    actorId: actorId ? Number(actorId) : null,
    entityType,
    from: start ? dayjs(start).startOf('day').toISOString() : null,
    to: start
      ? dayjs(end ?? start)
          .endOf('day')
          .toISOString()
      : null,
  };
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = actorId !== null || entityType !== null || start !== null;

  const toggle = (id: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const clearFilters = () => {
    setActorId(null);
    setEntityType(null);
    setRange([null, null]);
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to users, teams, tokens and sign-ins: who did it, when, from where, and what changed."
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Actor"
            placeholder="Anyone"
            data={(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
            value={actorId}
            onChange={setActorId}
            searchable
            clearable
            nothingFoundMessage="Nobody by that name"
            w={220}
          />
          <Select
            label="Entity type"
            placeholder="Any type"
            data={entityTypes}
            value={entityType}
            onChange={setEntityType}
            clearable
            w={180}
          />
          <DatePickerInput
            type="range"
            label="Date range"
            placeholder="Any date"
            leftSection={<IconCalendar size={16} />}
            value={range}
            onChange={setRange}
            allowSingleDateInRange
            clearable
            maxDate={today()}
            presets={[
              { value: [today(), today()], label: 'Today' },
              { value: [daysAgo(6), today()], label: 'Last 7 days' },
              { value: [daysAgo(29), today()], label: 'Last 30 days' },
            ]}
            w={260}
          />
          {filtered && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={clearFilters}>
              Clear filters
            </Button>
          )}
        </Group>

        <Paper withBorder radius="md">
          <QueryList
            query={log}
            loadingLabel="Loading the audit log"
            errorTitle="The audit log could not be loaded"
            isEmpty={rows.length === 0}
            noMatch={
              filtered
                ? {
                    title: 'Nothing matches these filters',
                    description: 'Widen the date range or clear the filters to see more.',
                    onClear: clearFilters,
                  }
                : null
            }
            empty={
              <EmptyState
                icon={<IconListDetails size={28} stroke={1.5} />}
                title="Nothing recorded yet"
                description="Changes to users, teams and API tokens, and every sign-in, are recorded here as they happen."
              />
            }
          >
            <TableFrame minWidth={900}>
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Audit log">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={44}>
                      <VisuallyHidden>Details</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Actor</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Entity</Table.Th>
                    <Table.Th>IP address</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((entry) => {
                    const open = expanded.has(entry.id);
                    const changeCount = Object.keys(entry.changes).length;
                    return (
                      <Fragment key={entry.id}>
                        <Table.Tr>
                          <Table.Td>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              onClick={() => toggle(entry.id)}
                              aria-expanded={open}
                              aria-controls={`audit-changes-${entry.id}`}
                              aria-label={open ? 'Hide changes' : 'Show changes'}
                            >
                              {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
                            </ActionIcon>
                          </Table.Td>
                          <Table.Td>
                            <RelativeTime value={entry.createdAt} />
                          </Table.Td>
                          <Table.Td maw={220}>
                            <ActorCell entry={entry} />
                          </Table.Td>
                          <Table.Td>
                            <Group gap={6} wrap="nowrap">
                              <Badge variant="light" color="indigo" tt="none" size="md" radius="sm">
                                {entry.action}
                              </Badge>
                              {changeCount > 0 && (
                                <Text fz="xs" c="dimmed">
                                  {changeCount === 1 ? '1 field' : `${changeCount} fields`}
                                </Text>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <EntityCell entry={entry} />
                          </Table.Td>
                          <Table.Td>
                            <Text
                              fz="sm"
                              c={entry.ip ? undefined : 'dimmed'}
                              ff={entry.ip ? 'monospace' : undefined}
                            >
                              {entry.ip ?? '—'}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                        {open && (
                          <Table.Tr id={`audit-changes-${entry.id}`}>
                            <Table.Td />
                            <Table.Td colSpan={5} pb="md">
                              <AuditChanges entry={entry} />
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableFrame>
            <LoadMore
              hasNextPage={log.hasNextPage}
              isFetchingNextPage={log.isFetchingNextPage}
              fetchNextPage={log.fetchNextPage}
              shown={rows.length}
              noun="entries"
              nounSingular="entry"
            />
          </QueryList>
        </Paper>
      </Stack>
    </>
  );
}
