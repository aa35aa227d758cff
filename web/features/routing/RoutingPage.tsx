import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowsShuffle, IconInfoCircle, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  presenceLabels,
  priorityWeights,
  type RoutingAgent,
  type RoutingMethod,
  routingMethodLabels,
  routingMethods,
  type TeamRouting,
} from '../../../contracts/routing';
import { notifyError, notifySuccess } from '../../app/notify';
import { channelLabels } from '../../app/ticketLabels';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { TableFrame } from '../../components/TableFrame';
import { AgentRoutingModal } from './AgentRoutingModal';
import { PresenceDot } from './PresenceDot';
import { useReassignQueue, useRoutingLog, useRoutingTeams, useUpdateTeamRouting } from './routing.queries';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function RoutingPage() {
  const teams = useRoutingTeams();
  return (
    <>
      <PageHeader
        title="Routing"
        description="How each team's new tickets find an agent, who is online, and why each ticket went where it did."
      />
      <Stack gap="lg">
        <HowItWorks />
        {teams.isPending ? (
          <LoadingState label="Loading teams" />
        ) : teams.isError ? (
          <ErrorState
            error={teams.error}
            title="Routing could not be loaded"
            onRetry={() => void teams.refetch()}
          />
        ) : teams.data.length === 0 ? (
          <EmptyState
            icon={<IconRoute size={28} stroke={1.5} />}
            title="No teams yet"
            description="Routing works per team. Create a team with its agents under Teams, then choose how its tickets are assigned here."
            action={
              <Button component={Link} to="/admin/teams">
                Go to Teams
              </Button>
            }
          />
        ) : (
          teams.data.map((team) => <TeamCard key={team.team.id} team={team} />)
        )}
        <RoutingLog />
      </Stack>
    </>
  );
}

function HowItWorks() {
  const weights = Object.entries(priorityWeights)
    .map(([p, w]) => `${p} ${w}`)
    .join(', ');
  return (
    <Alert variant="light" icon={<IconInfoCircle size={18} />} title="How routing picks an agent">
      <List size="sm" spacing={4}>
        <List.Item>
          A ticket opened in, or moved into, a team that routes automatically goes to one of the team's agents
          who is online, has the skills it needs, speaks its language and is under capacity for its channel.
        </List.Item>
        <List.Item>
          A ticket needs a skill when one of its tags, or its category, has the skill's name (tag “billing”
          needs Billing). Its language is its “language” field when set, otherwise read from its subject and
          first message once any agent of the team lists the languages they take.
        </List.Item>
        <List.Item>
          Round robin gives each qualified agent the next ticket in turn; least loaded picks the agent with
          the lowest load, open tickets weighted by priority ({weights}).
        </List.Item>
        <List.Item>
          When nobody qualifies the ticket waits unassigned, and the ticket's history says why.
        </List.Item>
      </List>
    </Alert>
  );
}

function TeamCard({ team }: { team: TeamRouting }) {
  const update = useUpdateTeamRouting();
  const [minutes, setMinutes] = useState<number | ''>(team.alertAfterMinutes ?? '');
  const [editing, setEditing] = useState<RoutingAgent | null>(null);
  const [moving, setMoving] = useState<RoutingAgent | null>(null);
  const online = team.agents.filter((a) => a.presence.status === 'online').length;
  const name = team.team.name;
  const save = (body: Parameters<typeof update.mutate>[0]['body'], done: string) =>
    update.mutate(
      { id: team.team.id, body },
      {
        onSuccess: () => notifySuccess(done),
        onError: (error) => notifyError(error, 'The routing was not changed'),
      },
    );
  const savedMinutes = team.alertAfterMinutes ?? '';

  return (
    <SectionCard
      title={name}
      description={[
        count(team.agents.length, 'agent'),
        `${online} online`,
        `${team.unassigned} unassigned`,
        team.lead ? `lead ${team.lead.name}` : 'no lead',
      ].join(' · ')}
    >
      <Stack gap="md">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text fz="sm" fw={500} id={`method-${team.team.id}`}>
              Assignment method
            </Text>
            <SegmentedControl
              aria-labelledby={`method-${team.team.id}`}
              value={team.method}
              disabled={update.isPending}
              onChange={(value) =>
                save(
                  { method: value as RoutingMethod },
                  `${name} now assigns ${routingMethodLabels[value as RoutingMethod].toLowerCase()}`,
                )
              }
              data={routingMethods.map((m) => ({ value: m, label: routingMethodLabels[m] }))}
            />
          </Stack>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <NumberInput
              label="Alert the lead after"
              description="minutes unassigned"
              placeholder="Off"
              min={1}
              max={10080}
              allowDecimal={false}
              value={minutes}
              onChange={(value) => setMinutes(value === '' ? '' : Number(value))}
              w={170}
            />
            <Button
              variant="default"
              disabled={minutes === savedMinutes}
              loading={update.isPending}
              onClick={() =>
                save(
                  { alertAfterMinutes: minutes === '' ? null : minutes },
                  minutes === ''
                    ? 'Unassigned alerts are off'
                    : `The lead hears of tickets unassigned for ${minutes} min`,
                )
              }
            >
              Save
            </Button>
          </Group>
        </Group>
        <Switch
          label="Hand on an agent's open tickets when they go offline or are deactivated"
          checked={team.redistributeOffline}
          disabled={update.isPending}
          onChange={(e) =>
            save(
              { redistributeOffline: e.currentTarget.checked },
              e.currentTarget.checked
                ? 'Offline agents’ tickets will be handed on'
                : 'Offline agents keep their tickets',
            )
          }
        />
        {team.agents.length === 0 ? (
          <Text c="dimmed" fz="sm">
            This team has no agents yet: add members under Teams.
          </Text>
        ) : (
          <AgentsTable agents={team.agents} onEdit={setEditing} onMove={setMoving} />
        )}
      </Stack>
      <AgentRoutingModal agent={editing} onClose={() => setEditing(null)} />
      <MoveQueueModal from={moving} team={team} onClose={() => setMoving(null)} />
    </SectionCard>
  );
}

function capacityText(capacity: Record<string, number>): string {
  const entries = Object.entries(capacity);
  if (entries.length === 0) return 'No limit';
  return entries.map(([c, n]) => `${channelLabels[c as keyof typeof channelLabels] ?? c} ${n}`).join(' · ');
}

function AgentsTable({
  agents,
  onEdit,
  onMove,
}: {
  agents: RoutingAgent[];
  onEdit: (agent: RoutingAgent) => void;
  onMove: (agent: RoutingAgent) => void;
}) {
  return (
    <TableFrame minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Agent</Table.Th>
            <Table.Th>Skills</Table.Th>
            <Table.Th>Languages</Table.Th>
            <Table.Th>Capacity</Table.Th>
            <Table.Th>Load</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((agent) => (
            <Table.Tr key={agent.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <PresenceDot status={agent.presence.status} />
                  <Stack gap={0}>
                    <Text fz="sm" fw={500}>
                      {agent.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {presenceLabels[agent.presence.status]}
                      {agent.presence.reason === 'inactive' ? ' (inactive)' : ''}
                      {agent.presence.reason === 'signed_out' ? ' (signed out)' : ''}
                    </Text>
                  </Stack>
                </Group>
              </Table.Td>
              <Table.Td>
                {agent.skills.length === 0 ? (
                  <Text fz="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Group gap={4}>
                    {agent.skills.map((s) => (
                      <Badge
                        key={s.name}
                        variant="light"
                        tt="none"
                        title={`${s.name}, level ${s.level} of 5`}
                      >
                        {s.name} · {s.level}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{agent.languages.length ? agent.languages.join(', ') : 'Any'}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{capacityText(agent.capacity)}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">
                  {count(agent.load.open, 'open ticket')}
                  {agent.load.open > 0 ? ` · load ${agent.load.weighted}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onEdit(agent)}
                    aria-label={`Edit routing of ${agent.name}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    disabled={agent.load.open === 0}
                    onClick={() => onMove(agent)}
                    aria-label={`Move the open tickets of ${agent.name}`}
                  >
                    Move queue
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

const ROUTE_AGAIN = 'route';

function MoveQueueModal({
  from,
  team,
  onClose,
}: {
  from: RoutingAgent | null;
  team: TeamRouting;
  onClose: () => void;
}) {
  const [to, setTo] = useState<string | null>(ROUTE_AGAIN);
  const reassign = useReassignQueue();
  const others = team.agents.filter((a) => a.id !== from?.id);
  const submit = () => {
    if (!from) return;
    const body =
      to === ROUTE_AGAIN || to === null
        ? { fromUserId: from.id, route: true as const }
        : { fromUserId: from.id, toUserId: Number(to) };
    reassign.mutate(body, {
      onSuccess: (result) => {
        notifySuccess(
          `${count(result.moved, 'ticket')} moved: ${result.assigned} assigned, ${result.unassigned} left unassigned`,
        );
        onClose();
      },
      onError: (error) => notifyError(error, 'The queue was not moved'),
    });
  };
  return (
    <Modal opened={from !== null} onClose={onClose} title={from ? `Move the queue of ${from.name}` : ''}>
      {from && (
        <Stack>
          <Text fz="sm">
            {count(from.load.open, 'open ticket')} of {from.name} go to one agent, or each is routed again by
            its team's method (without {from.name}).
          </Text>
          <Select
            label="Move to"
            value={to}
            onChange={setTo}
            allowDeselect={false}
            data={[
              { value: ROUTE_AGAIN, label: "Route again by each team's method" },
              ...others.map((a) => ({
                value: String(a.id),
                label: `${a.name} (${presenceLabels[a.presence.status]})`,
              })),
            ]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              leftSection={<IconArrowsShuffle size={16} />}
              onClick={submit}
              loading={reassign.isPending}
            >
              Move tickets
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function RoutingLog() {
  const log = useRoutingLog(null);
  const rows = log.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <SectionCard title="Routing log" description="Every routing decision, newest first, with the reason.">
      {log.isPending ? (
        <LoadingState label="Loading the routing log" />
      ) : log.isError ? (
        <ErrorState
          error={log.error}
          title="The routing log could not be loaded"
          onRetry={() => void log.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconRoute size={24} stroke={1.5} />}
          title="No routing decisions yet"
          description="Set a team to round robin or least loaded: its next new ticket is routed and shows up here."
        />
      ) : (
        <>
          <TableFrame minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Ticket</Table.Th>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <RelativeTime value={entry.createdAt} fz="sm" />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/inbox/all/tickets/${entry.ticketId}`} fz="sm">
                        #{entry.ticketId}
                      </Anchor>
                      {entry.ticketSubject && (
                        <Text fz="xs" c="dimmed" lineClamp={1}>
                          {entry.ticketSubject}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{entry.team?.name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <Badge color={entry.outcome === 'assigned' ? 'teal' : 'orange'} variant="light">
                          {entry.outcome === 'assigned' ? 'Assigned' : 'Unassigned'}
                        </Badge>
                        {entry.assignee && <Text fz="xs">{entry.assignee.name}</Text>}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{entry.reason}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
          <LoadMore
            hasNextPage={log.hasNextPage}
            isFetchingNextPage={log.isFetchingNextPage}
            fetchNextPage={log.fetchNextPage}
            shown={rows.length}
            noun="decisions"
          />
        </>
      )}
    </SectionCard>
  );
}
