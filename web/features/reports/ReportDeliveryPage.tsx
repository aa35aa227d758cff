import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportSchedule, ScheduleRun } from '../../../contracts/report-delivery';
import { reportTitles } from '../../../contracts/reports';
import { notifyError, notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { TableFrame } from '../../components/TableFrame';
import {
  useDeleteSchedule,
  useRevokeShare,
  useScheduleRuns,
  useSchedules,
  useSendScheduleNow,
  useShares,
} from './delivery.queries';
import { cadenceText, ScheduleDialog } from './ScheduleDialog';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB') : '—');
const statusColor = { sent: 'teal', sending: 'blue', failed: 'orange', dead: 'red' } as const;

function RunBadge({ run }: { run: ScheduleRun | null }) {
  if (!run)
    return (
      <Text size="sm" c="dimmed">
        Never sent
      </Text>
    );
  return (
    <Badge color={statusColor[run.status]} variant="light">
      {run.status}
      {run.test ? ' (test)' : ''}
    </Badge>
  );
}

function RunsModal({ schedule, onClose }: { schedule: ReportSchedule | null; onClose: () => void }) {
  const runs = useScheduleRuns(schedule?.id ?? null);
  return (
    <Modal
      opened={schedule !== null}
      onClose={onClose}
      title={`Sends of “${schedule?.name ?? ''}”`}
      size="lg"
    >
      {runs.isPending ? (
        <LoadingState rows={3} />
      ) : runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
      ) : runs.data.items.length === 0 ? (
        <EmptyState title="Not sent yet" description="Sends show here once the first one is due." size="sm" />
      ) : (
        <TableFrame minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Recipients</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td fz="sm">{when(r.createdAt)}</Table.Td>
                  <Table.Td fz="sm">
                    {r.from} to {r.to}
                  </Table.Td>
                  <Table.Td>
                    <RunBadge run={r} />
                    {r.error ? (
                      <Text size="xs" c="red">
                        {r.error}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td fz="sm">{r.recipients}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
    </Modal>
  );
}

function SchedulesPanel() {
  const list = useSchedules();
  const sendNow = useSendScheduleNow();
  const remove = useDeleteSchedule();
  const [editing, setEditing] = useState<ReportSchedule | 'new' | null>(null);
  const [history, setHistory] = useState<ReportSchedule | null>(null);
  if (list.isPending) return <LoadingState rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button onClick={() => setEditing('new')}>New scheduled report</Button>
      </Group>
      {list.data.items.length === 0 ? (
        <EmptyState
          title="No scheduled report"
          description="Schedule a report from the Reports page, or create one here: it is mailed with its CSV."
        />
      ) : (
        <TableFrame minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Next send</Table.Th>
                <Table.Th>Last send</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {s.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {reportTitles[s.report]} · {s.recipients.users.length + s.recipients.emails.length}{' '}
                      recipients
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">
                    {cadenceText(s)} ({s.timezone})
                  </Table.Td>
                  <Table.Td fz="sm">{s.active ? when(s.nextRunAt) : 'Paused'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <RunBadge run={s.lastRun} />
                      {s.lastRun ? (
                        <Text size="xs" c="dimmed">
                          {when(s.lastRun.createdAt)}
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        size="xs"
                        variant="default"
                        loading={sendNow.isPending && sendNow.variables === s.id}
                        onClick={() =>
                          sendNow.mutate(s.id, {
                            onSuccess: (run) =>
                              run.status === 'sent'
                                ? notifySuccess(`Sent to ${run.recipients} recipients`)
                                : notifyError(new Error(run.error ?? 'The send failed')),
                            onError: (e) => notifyError(e),
                          })
                        }
                      >
                        Send now
                      </Button>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" aria-label={`More for ${s.name}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditing(s)}>Edit</Menu.Item>
                          <Menu.Item onClick={() => setHistory(s)}>Send history</Menu.Item>
                          <Menu.Item
                            color="red"
                            onClick={() => remove.mutate(s.id, { onError: (e) => notifyError(e) })}
                          >
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
      {editing !== null ? (
        <ScheduleDialog
          opened
          onClose={() => setEditing(null)}
          schedule={editing === 'new' ? null : editing}
        />
      ) : null}
      <RunsModal schedule={history} onClose={() => setHistory(null)} />
    </Stack>
  );
}

function SharesPanel() {
  const list = useShares();
  const revoke = useRevokeShare();
  if (list.isPending) return <LoadingState rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0)
    return (
      <EmptyState
        title="No shared link"
        description="Use Share… on the Reports page to give another department a read-only link."
      />
    );
  return (
    <TableFrame minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Link</Table.Th>
            <Table.Th>Period</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {s.label || reportTitles[s.report]}
                </Text>
                <Text size="xs" c="dimmed">
                  {reportTitles[s.report]} · by {s.createdBy ?? 'someone'} on {when(s.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">
                {String(s.filters.from)} to {String(s.filters.to)}
              </Table.Td>
              <Table.Td fz="sm">{when(s.expiresAt)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={s.state === 'active' ? 'teal' : 'gray'}>
                  {s.state}
                </Badge>
              </Table.Td>
              <Table.Td>
                {s.state === 'active' ? (
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    loading={revoke.isPending && revoke.variables === s.id}
                    onClick={() => revoke.mutate(s.id, { onError: (e) => notifyError(e) })}
                  >
                    Revoke
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

/** Scheduled reports and shared links: the reports that leave the app. */
export function ReportDeliveryPage() {
  usePageTitle('Scheduled reports');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'shares' ? 'shares' : 'schedules';
  return (
    <>
      <PageHeader
        title="Scheduled reports"
        description="Reports mailed on a schedule with their CSV, and read-only links shared with other departments."
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'shares' ? { tab: 'shares' } : {}, { replace: true })}
      >
        <Tabs.List aria-label="Reports that leave the app" mb="md">
          <Tabs.Tab value="schedules">Scheduled reports</Tabs.Tab>
          <Tabs.Tab value="shares">Shared links</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="schedules">{tab === 'schedules' ? <SchedulesPanel /> : null}</Tabs.Panel>
        <Tabs.Panel value="shares">{tab === 'shares' ? <SharesPanel /> : null}</Tabs.Panel>
      </Tabs>
    </>
  );
}
