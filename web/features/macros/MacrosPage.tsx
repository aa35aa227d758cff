import {
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLock, IconMessage, IconMessageBolt, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Macro, UNUSED_DAYS } from '../../../contracts/macros';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { TableFrame } from '../../components/TableFrame';
import { useTeamOptions } from '../teams/teams.queries';
import { MacroFormModal, useAskDeleteMacro } from './MacroFormModal';
import { actionsSummary } from './macroForm';
import { isMacroFilter, type MacroFilter, useMacros } from './macros.queries';

const tabs: { value: MacroFilter; label: string; empty: string }[] = [
  { value: 'all', label: 'All', empty: '' },
  { value: 'shared', label: 'Shared', empty: 'No macro is shared with everyone yet.' },
  { value: 'team', label: 'Team', empty: 'No team macros that you can see.' },
  { value: 'personal', label: 'Mine', empty: 'You have no personal macros yet.' },
  {
    value: 'unused',
    label: `Unused ${UNUSED_DAYS} days`,
    empty: `Every macro you can see was used in the last ${UNUSED_DAYS} days. Nothing to clean up.`,
  },
];

/** Admin → Macros: canned replies with field changes, who uses them, and how often. */
export function MacrosPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('show');
  const filter: MacroFilter = isMacroFilter(requested) ? requested : 'all';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const macros = useMacros(filter, q);
  const rows = macros.data ?? [];
  const [editing, setEditing] = useState<Macro | null | undefined>(undefined);
  const askDelete = useAskDeleteMacro();
  const current = tabs.find((t) => t.value === filter) ?? tabs[0]!;

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
      New macro
    </Button>
  );
  const empty =
    filter === 'all' ? (
      <EmptyState
        icon={<IconMessageBolt size={28} stroke={1.5} />}
        title="No macros yet"
        description="A macro is an answer you give often: its text (with the customer's name and the ticket filled in) goes into the reply box, and it can set the status, priority, assignee, team and tags in the same step."
        action={addButton}
      />
    ) : (
      <EmptyState
        icon={<IconMessageBolt size={28} stroke={1.5} />}
        title="Nothing here"
        description={current.empty}
        action={
          <Button variant="default" onClick={() => setParams({ show: 'all' }, { replace: true })}>
            Show all macros
          </Button>
        }
      />
    );

  return (
    <>
      <PageHeader
        title="Macros"
        description="Answers you give often, with the changes they make to the ticket. Press M on a ticket, or the bolt in the reply box, to use one."
        actions={addButton}
      />
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Tabs
            value={filter}
            onChange={(value) => isMacroFilter(value) && setParams({ show: value }, { replace: true })}
          >
            <Tabs.List aria-label="Show macros">
              {tabs.map((t) => (
                <Tabs.Tab key={t.value} value={t.value}>
                  {t.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <TextInput
            aria-label="Search macros"
            placeholder="Search name, description or text"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
        </Group>
        <Paper withBorder radius="md">
          <QueryList
            query={macros}
            loadingLabel="Loading macros"
            errorTitle="Macros could not be loaded"
            isEmpty={rows.length === 0}
            empty={empty}
            noMatch={
              q
                ? {
                    title: 'No macro matches',
                    description: 'Nothing in a name, description or text has those words.',
                    icon: <IconSearch size={28} stroke={1.5} />,
                    onClear: () => setSearch(''),
                  }
                : null
            }
          >
            <MacrosTable
              macros={rows}
              label={`Macros: ${current.label.toLowerCase()}`}
              onEdit={setEditing}
              onDelete={askDelete}
            />
          </QueryList>
        </Paper>
      </Stack>
      <MacroFormModal
        macro={editing ?? null}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}

function VisibilityBadge({ macro }: { macro: Macro }) {
  if (macro.visibility === 'shared')
    return (
      <Badge variant="light" color="blue">
        Everyone
      </Badge>
    );
  if (macro.visibility === 'team')
    return (
      <Badge variant="light" color="grape" maw={180}>
        {macro.team?.name ?? 'Team'}
      </Badge>
    );
  return (
    <Badge variant="light" color="gray">
      Only {macro.owner?.name.split(' ')[0] ?? 'me'}
    </Badge>
  );
}

function MacrosTable({
  macros,
  label,
  onEdit,
  onDelete,
}: {
  macros: Macro[];
  label: string;
  onEdit: (macro: Macro) => void;
  onDelete: (macro: Macro) => void;
}) {
  const teams = useTeamOptions();
  const teamName = (id: number) => teams.data?.find((t) => t.value === String(id))?.label ?? `#${id}`;
  return (
    <TableFrame minWidth={860}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Macro</Table.Th>
            <Table.Th>Who uses it</Table.Th>
            <Table.Th>Does</Table.Th>
            <Table.Th>Used</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th w={90}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {macros.map((m) => {
            const changes = actionsSummary(m.actions, { team: teamName });
            return (
              <Table.Tr key={m.id}>
                <Table.Td maw={320}>
                  <Text fz="sm" fw={500}>
                    {m.name}
                  </Text>
                  {m.description && (
                    <Text fz="xs" c="dimmed" lineClamp={2}>
                      {m.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <VisibilityBadge macro={m} />
                </Table.Td>
                <Table.Td maw={300}>
                  <Group gap={6} wrap="wrap">
                    {m.body.trim() && (
                      <Group gap={4} wrap="nowrap">
                        {m.internal ? <IconLock size={14} /> : <IconMessage size={14} />}
                        <Text fz="xs">{m.internal ? 'Note' : 'Reply'}</Text>
                      </Group>
                    )}
                    {changes.map((c) => (
                      <Badge key={c} variant="default" size="sm" tt="none" fw={500}>
                        {c}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{m.usageCount.toLocaleString()}</Text>
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={m.lastUsedAt} fallback="Never" />
                </Table.Td>
                <Table.Td>
                  {m.canEdit && (
                    <EditDeleteActions
                      noun="macro"
                      name={m.name}
                      onEdit={() => onEdit(m)}
                      onDelete={() => onDelete(m)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
