import { Anchor, Box, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ViewFilters } from '../../../contracts/tickets';
import type { QueueCount, TeamQueue, Workload } from '../../../contracts/workload';
import { EmptyState } from '../../components/EmptyState';
import { SectionCard } from '../../components/SectionCard';
import { countText, inboxPath } from './home.queries';

const OPEN: NonNullable<ViewFilters['status']> = ['new', 'open', 'pending', 'on_hold'];

interface Queue {
  /** The column's word, and how the figure reads on a phone ("6 unassigned"). */
  word: string;
  count: QueueCount;
  to: string;
}

/** A team's three queues, each a way into the Inbox narrowed to that team. */
function queuesOf(row: TeamQueue): Queue[] {
  const team = row.team ? [row.team.id] : (['none'] as const);
  return [
    { word: 'open', count: row.open, to: inboxPath('all', { team: [...team], status: OPEN }) },
    { word: 'unassigned', count: row.unassigned, to: inboxPath('unassigned', { team: [...team] }) },
    { word: 'waiting', count: row.pending, to: inboxPath('pending', { team: [...team] }) },
  ];
}

const teamName = (row: TeamQueue) => row.team?.name ?? 'No team';

function CountLink({ queue, team, withWord = false }: { queue: Queue; team: string; withWord?: boolean }) {
  const text = `${countText(queue.count)}${withWord ? ` ${queue.word}` : ''}`;
  if (queue.count.count === 0)
    return (
      <Text span fz="sm" c="dimmed">
        {text}
      </Text>
    );
  return (
    <Anchor
      component={Link}
      to={queue.to}
      fz="sm"
      fw={600}
      aria-label={`${countText(queue.count)} ${queue.word} in ${team}`}
    >
      {text}
    </Anchor>
  );
}

/** Wider screens: a table, a team a row. */
function QueuesTable({ rows, label }: { rows: TeamQueue[]; label: string }) {
  return (
    <Table verticalSpacing="xs" horizontalSpacing="xs" aria-label={label} visibleFrom="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Team</Table.Th>
          <Table.Th ta="right">Open</Table.Th>
          <Table.Th ta="right">Unassigned</Table.Th>
          <Table.Th ta="right">Waiting on customer</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.team?.id ?? 'none'}>
            <Table.Th scope="row" fw={row.team ? 500 : 400} fs={row.team ? undefined : 'italic'}>
              {teamName(row)}
            </Table.Th>
            {queuesOf(row).map((queue) => (
              <Table.Td key={queue.word} ta="right">
                <CountLink queue={queue} team={teamName(row)} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Phones: a team a line, its figures in words under its name. */
function QueuesList({ rows, label }: { rows: TeamQueue[]; label: string }) {
  return (
    <Box hiddenFrom="xs">
      <Stack gap="sm" component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Stack key={row.team?.id ?? 'none'} gap={2} component="li">
            <Text fz="sm" fw={row.team ? 500 : 400} fs={row.team ? undefined : 'italic'}>
              {teamName(row)}
            </Text>
            <Group gap="md">
              {queuesOf(row).map((queue) => (
                <CountLink key={queue.word} queue={queue} team={teamName(row)} withWord />
              ))}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}

/** Each team's queue: open, unassigned and waiting on the customer, each a way into the Inbox. */
export function TeamQueues({ workload, canManageTeams }: { workload: Workload; canManageTeams: boolean }) {
  const own = workload.scope === 'own';
  const label = own ? 'Your teams’ queues' : 'Team queues';
  return (
    <SectionCard
      title={label}
      description={
        own
          ? 'Open tickets of the teams you are in: those nobody has taken, and those waiting on the customer.'
          : 'Open tickets in every team: those nobody has taken, and those waiting on the customer.'
      }
    >
      {workload.teams.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconUsersGroup size={22} stroke={1.5} />}
          title={own ? 'You are not in a team yet' : 'No teams yet'}
          description={
            own
              ? 'A manager can add you to a team; until then the Unassigned queue holds what to pick up.'
              : 'Tickets reach a team’s queue once teams exist.'
          }
          action={
            canManageTeams ? (
              <Button component={Link} to="/admin/teams" variant="default" size="xs">
                Set up teams
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <QueuesTable rows={workload.teams} label={label} />
          <QueuesList rows={workload.teams} label={label} />
        </>
      )}
    </SectionCard>
  );
}
