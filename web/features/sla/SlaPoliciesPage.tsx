import { Alert, Badge, Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconGripVertical, IconPlus, IconStopwatch } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import type { SlaPolicy } from '../../../contracts/sla';
import { slaMetricLabels, slaMetrics } from '../../../contracts/sla-summary';
import { ticketPriorities } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { channelLabels, priorityLabels, typeLabels } from '../../app/ticketLabels';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { MoveButtons, useProposedOrder } from '../../components/Reorder';
import { SectionCard } from '../../components/SectionCard';
import { useTeamOptions } from '../teams/teams.queries';
import { SlaPolicyFormModal } from './SlaPolicyFormModal';
import { useDeleteSlaPolicy, useOrderSlaPolicies, useSlaDryRun, useSlaPolicies } from './sla.queries';
import { targetText } from './slaPolicyForm';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Urgent or high priority · Complaint · Email" : which tickets a policy takes, in words. */
function conditionsText(policy: SlaPolicy, teamName: (id: number) => string): string {
  const c = policy.conditions;
  const parts: string[] = [];
  if (c.priority?.length) parts.push(`${c.priority.map((p) => priorityLabels[p]).join(' or ')} priority`);
  if (c.type?.length) parts.push(c.type.map((t) => typeLabels[t]).join(' or '));
  if (c.channel?.length) parts.push(`via ${c.channel.map((ch) => channelLabels[ch]).join(' or ')}`);
  if (c.teamId?.length) parts.push(`team ${c.teamId.map(teamName).join(' or ')}`);
  if (c.organizationId?.length) parts.push(count(c.organizationId.length, 'organisation', 'organisations'));
  if (c.categoryId?.length) parts.push(count(c.categoryId.length, 'category', 'categories'));
  if (c.plan?.length) parts.push(`on the ${c.plan.join(' or ')} plan`);
  if (c.tags?.length) parts.push(`tagged ${c.tags.join(' or ')}`);
  return parts.length ? parts.join(' · ') : 'Every ticket';
}

/** "Urgent: first reply 30 min, resolution 8 h": one line per priority that has targets. */
function targetLines(policy: SlaPolicy): string[] {
  return ticketPriorities.flatMap((priority) => {
    const row = policy.targets[priority];
    const targets = slaMetrics.flatMap((m) => {
      const t = row?.[m];
      return t ? [`${slaMetricLabels[m].toLowerCase()} ${targetText(t)}`] : [];
    });
    return targets.length ? [`${priorityLabels[priority]}: ${targets.join(', ')}`] : [];
  });
}

const takesEveryTicket = (policy: SlaPolicy) =>
  policy.active && Object.values(policy.conditions).every((values) => !values || values.length === 0);

/** The first active policy without conditions above this place: every ticket stops there. */
function catchAllBefore(ids: number[], index: number, byId: Map<number, SlaPolicy>): SlaPolicy | undefined {
  for (const id of ids.slice(0, index)) {
    const policy = byId.get(id);
    if (policy && takesEveryTicket(policy)) return policy;
  }
  return undefined;
}

export function SlaPoliciesPage() {
  const policies = useSlaPolicies();
  const me = useMe();
  const canManage = can(me.role, 'sla.manage');
  const [editing, setEditing] = useState<SlaPolicy | null | undefined>(undefined);
  const newPolicy = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
      New policy
    </Button>
  );

  return (
    <>
      <PageHeader
        title="SLA policies"
        description="Service-level targets: how soon tickets get a first reply, further replies, updates and a resolution. Each ticket gets the first active policy, in this order, whose conditions it matches."
        actions={newPolicy}
      />
      {policies.isPending ? (
        <LoadingState label="Loading policies" />
      ) : policies.isError ? (
        <ErrorState
          error={policies.error}
          title="Policies could not be loaded"
          onRetry={() => void policies.refetch()}
        />
      ) : policies.data.length === 0 ? (
        <EmptyState
          icon={<IconStopwatch size={28} stroke={1.5} />}
          title="No SLA policies yet"
          description="A policy sets targets per priority, e.g. a first reply within 4 business hours for normal tickets, and says which tickets it covers. Tickets show a clock for each target, coloured as time runs out, and the assignee is warned before a target is missed."
          action={newPolicy}
        />
      ) : (
        <PolicyList policies={policies.data} canManage={canManage} onEdit={setEditing} />
      )}
      <SlaPolicyFormModal
        policy={editing ?? null}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}

function PolicyList({
  policies,
  canManage,
  onEdit,
}: {
  policies: SlaPolicy[];
  canManage: boolean;
  onEdit: (policy: SlaPolicy) => void;
}) {
  const { current, changed, move, reset } = useProposedOrder(policies.map((p) => p.id));
  const [dragged, setDragged] = useState<number | null>(null);
  const teams = useTeamOptions();
  const order = useOrderSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const byId = new Map(policies.map((p) => [p.id, p]));
  const teamName = (id: number) => teams.data?.find((t) => t.value === String(id))?.label ?? `#${id}`;

  const dragOver = (event: DragEvent, index: number) => {
    if (dragged === null) return;
    event.preventDefault();
    const from = current.indexOf(dragged);
    if (from !== index) move(from, index);
  };
  const save = () =>
    order.mutate(current, {
      onSuccess: () => {
        reset();
        notifySuccess('Tickets get their policy in the new order from their next change.', 'Order saved');
      },
      onError: (error) => notifyError(error, 'Order not saved'),
    });

  return (
    <Stack gap="lg">
      <Stack gap="xs" component="ol" aria-label="Policies, first to last" p={0} m={0}>
        {current.map((id, index) => {
          const policy = byId.get(id);
          if (!policy) return null;
          const shadowedBy = catchAllBefore(current, index, byId);
          return (
            <Paper
              key={id}
              component="li"
              withBorder
              p="sm"
              radius="md"
              style={{ listStyle: 'none', opacity: dragged === id ? 0.5 : 1 }}
              draggable={canManage}
              onDragStart={(event: DragEvent) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', String(id));
                setDragged(id);
              }}
              onDragOver={(event: DragEvent) => dragOver(event, index)}
              onDrop={(event: DragEvent) => {
                event.preventDefault();
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              aria-label={policy.name}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                {canManage && (
                  <Box c="dimmed" pt={2} style={{ cursor: 'grab' }} aria-hidden>
                    <IconGripVertical size={18} />
                  </Box>
                )}
                <Text fw={600} c="dimmed" w={24} style={{ flexShrink: 0 }}>
                  {index + 1}.
                </Text>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {policy.name}
                    </Text>
                    {!policy.active && (
                      <Badge color="gray" variant="light" tt="none">
                        Inactive
                      </Badge>
                    )}
                  </Group>
                  {shadowedBy && policy.active && (
                    <Text fz="sm" c="var(--steward-warning-text)">
                      Never applies: “{shadowedBy.name}” above takes every ticket. Move this policy above it.
                    </Text>
                  )}
                  {policy.description && (
                    <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {policy.description}
                    </Text>
                  )}
                  <Text fz="sm">
                    <Text span fz="sm" c="dimmed">
                      Applies to:{' '}
                    </Text>
                    {conditionsText(policy, teamName)}
                  </Text>
                  {targetLines(policy).map((line) => (
                    <Text key={line} fz="sm">
                      {line}
                    </Text>
                  ))}
                  <Text fz="xs" c="dimmed">
                    {policy.calendar ? `Calendar ${policy.calendar.name}` : 'Default calendar'}
                    {policy.pauseOn.length
                      ? ` · paused while ${policy.pauseOn.map((s) => (s === 'on_hold' ? 'on hold' : s)).join(' or ')}`
                      : ' · never paused'}
                    {` · warns at ${policy.warnAtPercent} %`}
                    {policy.onBreach.raisePriority ? ' · raises the priority when missed' : ''}
                    {policy.onBreach.escalateToTeam
                      ? ` · escalates to ${policy.onBreach.escalateToTeam.name}`
                      : ''}
                  </Text>
                </Stack>
                {canManage && (
                  <Group
                    gap={4}
                    wrap="wrap"
                    justify="flex-end"
                    style={{ flexShrink: 0 }}
                    maw={{ base: 76, sm: 'none' }}
                  >
                    <MoveButtons name={policy.name} index={index} count={current.length} onMove={move} />
                    <Button variant="default" size="xs" onClick={() => onEdit(policy)}>
                      Edit
                    </Button>
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      size="xs"
                      confirmTitle={`Delete ${policy.name}?`}
                      confirmMessage="Tickets with this policy get the next policy that matches them, or none, from their next change. Their clock history stays."
                      confirmLabel="Delete policy"
                      danger
                      onConfirm={() =>
                        remove.mutate(policy.id, { onError: (error) => notifyError(error, 'Not deleted') })
                      }
                    >
                      Delete
                    </ConfirmButton>
                  </Group>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {changed && <DryRun ids={current} saving={order.isPending} onSave={save} onCancel={reset} />}
    </Stack>
  );
}

/** What the proposed order would do to the last tickets, before it is saved. */
function DryRun({
  ids,
  saving,
  onSave,
  onCancel,
}: {
  ids: number[];
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const run = useSlaDryRun(ids);
  const changes = run.data?.data.filter((d) => d.current?.id !== d.proposed?.id) ?? [];
  return (
    <SectionCard
      title="The new order, tried on the last 100 tickets"
      description="Nothing changes until you save the order."
      actions={
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={onSave} loading={saving}>
            Save order
          </Button>
        </Group>
      }
    >
      {run.isPending ? (
        <LoadingState variant="block" label="Trying the order" />
      ) : run.isError ? (
        <ErrorState
          error={run.error}
          title="The order could not be tried"
          onRetry={() => void run.refetch()}
        />
      ) : run.data.changed === 0 ? (
        <Alert color="teal" title="No ticket would change policy">
          Each of the last {run.data.data.length} tickets keeps the policy it has.
        </Alert>
      ) : (
        <Stack gap="xs">
          <Text fz="sm" role="status">
            {count(run.data.changed, 'ticket', 'tickets')} of the last {run.data.data.length} would change
            policy.
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ticket</Table.Th>
                  <Table.Th>Now</Table.Th>
                  <Table.Th>Would get</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((d) => (
                  <Table.Tr key={d.ticketId}>
                    <Table.Td>
                      #{d.ticketId} {d.subject}
                    </Table.Td>
                    <Table.Td>{d.current?.name ?? 'No policy'}</Table.Td>
                    <Table.Td>{d.proposed?.name ?? 'No policy'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </SectionCard>
  );
}
