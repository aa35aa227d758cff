import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Popover,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type DrillMetric,
  type Report,
  type ReportFigure,
  type ReportKind,
  reportKinds,
  reportTitles,
} from '../../../contracts/reports';
import { ticketChannels, ticketPriorities, ticketTypes } from '../../../contracts/tickets';
import { isApiError } from '../../app/api';
import { channelOptions, priorityOptions, statusLabels, typeOptions } from '../../app/ticketLabels';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { SeriesChart } from '../../components/SeriesChart';
import { TableFrame } from '../../components/TableFrame';
import { useTeamOptions } from '../teams/teams.queries';
import { formatValue } from './formatValue';
import { type ReportFilter, reportExportUrl, useDrill, useReport } from './reports.queries';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** The report and its filters from the address (so a report can be shared as a link). */
function useReportAddress() {
  const [params, setParams] = useSearchParams();
  const today = isoDay(Date.now());
  const kind = oneOf(reportKinds, params.get('report')) ?? 'volume';
  const team = Number(params.get('teamId'));
  const filter: ReportFilter = {
    from: isDate(params.get('from')) ? (params.get('from') as string) : isoDay(Date.now() - 29 * DAY),
    to: isDate(params.get('to')) ? (params.get('to') as string) : today,
    teamId: Number.isInteger(team) && team > 0 ? team : undefined,
    channel: oneOf(ticketChannels, params.get('channel')),
    priority: oneOf(ticketPriorities, params.get('priority')),
    type: oneOf(ticketTypes, params.get('type')),
  };
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  return { kind, filter, set };
}

function Change({ figure }: { figure: ReportFigure }) {
  if (figure.value === null || figure.previous === null)
    return (
      <Text size="xs" c="dimmed">
        no comparison
      </Text>
    );
  const diff = figure.value - figure.previous;
  const text =
    figure.unit === 'count'
      ? `${diff >= 0 ? '+' : ''}${diff}`
      : `${diff >= 0 ? '+' : ''}${formatValue(Math.abs(diff), figure.unit).replace(/^/, diff < 0 ? '−' : '')}`;
  return (
    <Text size="xs" c="dimmed">
      {text} vs previous ({formatValue(figure.previous, figure.unit)})
    </Text>
  );
}

function Definition({ label, text }: { label: string; text: string }) {
  return (
    <Popover width={280} withArrow shadow="md" position="bottom">
      <Popover.Target>
        <ActionIcon variant="subtle" size="sm" color="gray" aria-label={`What “${label}” means`}>
          <IconInfoCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm">{text}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}

function FigureCard({
  figure,
  onDrill,
}: {
  figure: ReportFigure;
  onDrill: (m: DrillMetric, label: string) => void;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {figure.label}
        </Text>
        <Definition label={figure.label} text={figure.definition} />
      </Group>
      {figure.drill ? (
        <Anchor
          component="button"
          type="button"
          fz={26}
          fw={700}
          onClick={() => onDrill(figure.drill as DrillMetric, figure.label)}
          aria-label={`${figure.label}: ${formatValue(figure.value, figure.unit)}, show the tickets`}
        >
          {formatValue(figure.value, figure.unit)}
        </Anchor>
      ) : (
        <Text fz={26} fw={700}>
          {formatValue(figure.value, figure.unit)}
        </Text>
      )}
      <Change figure={figure} />
    </Paper>
  );
}

function SeriesView({ series }: { series: NonNullable<Report['series']> }) {
  return (
    <SeriesChart
      title={`Over time, by ${series.grain}`}
      bucketLabel={series.grain === 'day' ? 'Day' : 'Hour'}
      keys={series.keys}
      points={series.points}
    />
  );
}

function DataTable({ table }: { table: NonNullable<Report['table']> }) {
  return (
    <Paper withBorder p="md" radius="md">
      <TableFrame minWidth={420}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.key}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r) => (
              <Table.Tr key={String(r[table.columns[0]?.key ?? ''])}>
                {table.columns.map((c) => (
                  <Table.Td key={c.key}>
                    {typeof r[c.key] === 'number' && c.unit
                      ? formatValue(r[c.key] as number, c.unit)
                      : String(r[c.key] ?? '—')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Paper>
  );
}

function DrillModal({
  drill,
  filter,
  onClose,
}: {
  drill: { metric: DrillMetric; label: string } | null;
  filter: ReportFilter;
  onClose: () => void;
}) {
  const query = useDrill(drill?.metric ?? null, filter);
  return (
    <Modal
      opened={drill !== null}
      onClose={onClose}
      title={drill ? `Tickets behind “${drill.label}”` : ''}
      size="lg"
    >
      {query.isPending ? (
        <LoadingState rows={4} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 ? (
        <EmptyState
          title="No tickets"
          description="No ticket is behind this figure in the period."
          size="sm"
        />
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {query.data.total === query.data.rows.length
              ? `${query.data.total} tickets`
              : `The newest ${query.data.rows.length} of ${query.data.total} tickets`}
          </Text>
          <TableFrame minWidth={360}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ticket</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>When</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/inbox/all/tickets/${r.id}`} fz="sm">
                        #{r.id} {r.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" size="sm">
                        {statusLabels[r.status as keyof typeof statusLabels] ?? r.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">{new Date(r.at).toLocaleString('en-GB')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        </Stack>
      )}
    </Modal>
  );
}

/** Reports: KPIs over a period against the previous one, with the tickets behind each figure. */
export function ReportsPage() {
  usePageTitle('Reports');
  const { kind, filter, set } = useReportAddress();
  const teams = useTeamOptions();
  const report = useReport(kind, filter);
  const [drill, setDrill] = useState<{ metric: DrillMetric; label: string } | null>(null);
  const forbidden = report.isError && isApiError(report.error, 'FORBIDDEN');
  return (
    <>
      <PageHeader
        title="Reports"
        description="Volume, speed, service levels, quality, satisfaction, productivity and complaints over a period, compared with the period before. Select a figure to see its tickets."
      />
      <Stack gap="md">
        <Tabs value={kind} onChange={(v) => set({ report: v })}>
          <Tabs.List aria-label="Reports">
            {reportKinds.map((k: ReportKind) => (
              <Tabs.Tab key={k} value={k}>
                {reportTitles[k]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Paper withBorder p="sm" radius="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label="From"
              value={filter.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
              w={160}
            />
            <TextInput
              type="date"
              label="To"
              value={filter.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              w={160}
            />
            <Select
              label="Team"
              placeholder="All teams"
              data={teams.data ?? []}
              value={filter.teamId ? String(filter.teamId) : null}
              onChange={(v) => set({ teamId: v })}
              clearable
              w={180}
            />
            <Select
              label="Channel"
              placeholder="All"
              data={channelOptions}
              value={filter.channel ?? null}
              onChange={(v) => set({ channel: v })}
              clearable
              w={150}
            />
            <Select
              label="Priority"
              placeholder="All"
              data={priorityOptions}
              value={filter.priority ?? null}
              onChange={(v) => set({ priority: v })}
              clearable
              w={140}
            />
            <Select
              label="Type"
              placeholder="All"
              data={typeOptions}
              value={filter.type ?? null}
              onChange={(v) => set({ type: v })}
              clearable
              w={140}
            />
            <Group gap="xs">
              <Button
                component="a"
                href={reportExportUrl(kind, 'csv', filter)}
                download
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                CSV
              </Button>
              <Button
                component="a"
                href={reportExportUrl(kind, 'xlsx', filter)}
                download
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                Excel
              </Button>
            </Group>
          </Group>
        </Paper>
        {report.isPending ? (
          <LoadingState variant="block" />
        ) : forbidden ? (
          <EmptyState
            title="Reports are for managers and team leads"
            description="Ask a manager to make you the lead of a team to see its reports."
          />
        ) : report.isError ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {report.data.period.from} to {report.data.period.to} ({report.data.period.tz}), compared with{' '}
              {report.data.previous.from} to {report.data.previous.to}.
              {report.data.asOf
                ? ` Figures include events up to ${new Date(report.data.asOf).toLocaleString('en-GB')}.`
                : ''}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              {report.data.figures.map((f) => (
                <FigureCard key={f.key} figure={f} onDrill={(metric, label) => setDrill({ metric, label })} />
              ))}
            </SimpleGrid>
            {report.data.series ? <SeriesView series={report.data.series} /> : null}
            {report.data.table ? <DataTable table={report.data.table} /> : null}
          </>
        )}
      </Stack>
      <DrillModal drill={drill} filter={filter} onClose={() => setDrill(null)} />
    </>
  );
}
