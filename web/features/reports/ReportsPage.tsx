import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCalendarTime, IconDownload, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type DrillMetric, type ReportKind, reportKinds, reportTitles } from '../../../contracts/reports';
import { ticketChannels, ticketPriorities, ticketTypes } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { channelOptions, priorityOptions, statusLabels, typeOptions } from '../../app/ticketLabels';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { TableFrame } from '../../components/TableFrame';
import { useTeamOptions } from '../teams/teams.queries';
import { ReportBody } from './ReportView';
import { type ReportFilter, reportExportUrl, useDrill, useReport } from './reports.queries';
import { ScheduleDialog } from './ScheduleDialog';
import { ShareDialog } from './ShareDialog';

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
  const [dialog, setDialog] = useState<'share' | 'schedule' | null>(null);
  const canManage = can(useMe().role, 'reports.manage');
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
              {canManage ? (
                <>
                  <Button
                    variant="default"
                    leftSection={<IconShare size={16} />}
                    onClick={() => setDialog('share')}
                  >
                    Share…
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconCalendarTime size={16} />}
                    onClick={() => setDialog('schedule')}
                  >
                    Schedule…
                  </Button>
                  <Button component={Link} to="/reports/schedules" variant="subtle">
                    Scheduled reports
                  </Button>
                </>
              ) : null}
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
            <ReportBody report={report.data} onDrill={(metric, label) => setDrill({ metric, label })} />
          </>
        )}
      </Stack>
      <DrillModal drill={drill} filter={filter} onClose={() => setDrill(null)} />
      {canManage ? (
        <>
          <ShareDialog
            opened={dialog === 'share'}
            onClose={() => setDialog(null)}
            kind={kind}
            filter={filter}
          />
          {dialog === 'schedule' ? (
            <ScheduleDialog
              opened
              onClose={() => setDialog(null)}
              schedule={null}
              kind={kind}
              filters={{
                teamId: filter.teamId,
                channel: filter.channel,
                priority: filter.priority,
                type: filter.type,
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
