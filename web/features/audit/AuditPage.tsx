import { ActionIcon, Box, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconDownload, IconListDetails } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../../contracts/audit';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { AuditChanges } from './AuditChanges';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditSentence } from './AuditSentence';
import { auditExportUrl, useAuditLog } from './audit.queries';
import { useAuditFilters } from './audit.url';

/** Opens the before and after of each field; nothing to open for entries that changed no field (sign-ins). */
function ToggleChanges({
  entry,
  open,
  onToggle,
}: {
  entry: AuditEntry;
  open: boolean;
  onToggle: () => void;
}) {
  if (Object.keys(entry.changes).length === 0) return <Box w={28} />;
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={`audit-changes-${entry.id}`}
      aria-label={open ? 'Hide the recorded changes' : 'Show the recorded changes'}
    >
      {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
    </ActionIcon>
  );
}

function Ip({ value }: { value: string | null }) {
  return (
    <Text fz="sm" c={value ? undefined : 'dimmed'} ff={value ? 'monospace' : undefined}>
      {value ?? '—'}
    </Text>
  );
}

interface RowsProps {
  rows: AuditEntry[];
  expanded: Set<number>;
  toggle: (id: number) => void;
}

/** Wide screens: a table, one sentence per row. */
function AuditTable({ rows, expanded, toggle }: RowsProps) {
  return (
    <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Audit log">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44}>
            <VisuallyHidden>Recorded changes</VisuallyHidden>
          </Table.Th>
          <Table.Th w={150}>When</Table.Th>
          <Table.Th>What happened</Table.Th>
          <Table.Th w={150}>IP address</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((entry) => {
          const open = expanded.has(entry.id);
          return (
            <Fragment key={entry.id}>
              <Table.Tr>
                <Table.Td>
                  <ToggleChanges entry={entry} open={open} onToggle={() => toggle(entry.id)} />
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={entry.createdAt} />
                </Table.Td>
                <Table.Td>
                  <AuditSentence entry={entry} />
                </Table.Td>
                <Table.Td>
                  <Ip value={entry.ip} />
                </Table.Td>
              </Table.Tr>
              {open && (
                <Table.Tr id={`audit-changes-${entry.id}`}>
                  <Table.Td />
                  <Table.Td colSpan={3} pb="md">
                    <AuditChanges entry={entry} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Phones: one entry under another, the sentence first. */
function AuditList({ rows, expanded, toggle }: RowsProps) {
  return (
    <Stack gap={0} component="ul" aria-label="Audit log" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((entry) => {
        const open = expanded.has(entry.id);
        return (
          <Stack
            key={entry.id}
            component="li"
            gap={6}
            p="sm"
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <AuditSentence entry={entry} />
              <ToggleChanges entry={entry} open={open} onToggle={() => toggle(entry.id)} />
            </Group>
            <Group gap="xs" c="dimmed" fz="xs">
              <RelativeTime value={entry.createdAt} fz="xs" />
              {entry.ip && <Text fz="xs">· {entry.ip}</Text>}
            </Group>
            {open && (
              <div id={`audit-changes-${entry.id}`} style={{ overflowX: 'auto' }}>
                <AuditChanges entry={entry} />
              </div>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

export function AuditPage() {
  usePageTitle('Audit log');
  const { filters, setFilters, clear, filtered } = useAuditFilters();
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.data) ?? [];

  const toggle = (id: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, and when: sign-ins, people and teams, tickets, customers and settings."
        actions={
          <Button
            component="a"
            href={auditExportUrl(filters)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        }
      />
      <Stack gap="md">
        <AuditFilterBar
          filters={filters}
          onChange={setFilters}
          onClear={clear}
          filtered={filtered}
          entityName={filters.entityId ? (rows[0]?.entityName ?? null) : null}
        />
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
                    onClear: clear,
                  }
                : null
            }
            empty={
              <EmptyState
                icon={<IconListDetails size={28} stroke={1.5} />}
                title="Nothing recorded yet"
                description="Sign-ins and every change to people, teams, tickets, customers and settings are recorded here as they happen."
              />
            }
          >
            {narrow ? (
              <AuditList rows={rows} expanded={expanded} toggle={toggle} />
            ) : (
              <AuditTable rows={rows} expanded={expanded} toggle={toggle} />
            )}
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
