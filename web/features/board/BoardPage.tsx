import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  useMantineColorScheme,
} from '@mantine/core';
import { IconAlertTriangle, IconDeviceTv, IconX } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Board, boardStatuses } from '../../../contracts/board';
import type { ViewFilters } from '../../../contracts/tickets';
import { usePollInterval, useTicketChanges } from '../../app/live';
import { statusLabels } from '../../app/ticketLabels';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { GoalsPanel } from '../goals/GoalsPanel';
import { PresenceDot } from '../routing/PresenceDot';
import { openFilters, ticketsLink, useBoard } from './board.queries';
import { TodayChart } from './TodayChart';

/** At most one refresh per this long while tickets change. */
const LIVE_EVERY_MS = 2_000;

interface Scope {
  teamIds: number[] | null;
  kiosk: boolean;
}

/** A count that opens the tickets behind it (plain text when there are none). */
function CountLink({
  n,
  filters,
  scope,
  label,
  size,
}: {
  n: number;
  filters: ViewFilters;
  scope: Scope;
  label: string;
  size?: string;
}) {
  if (n === 0)
    return (
      <Text span fz={size ?? 'sm'} c="dimmed" aria-label={`0 ${label}`}>
        0
      </Text>
    );
  return (
    <Anchor
      component={Link}
      to={ticketsLink(filters, scope.teamIds)}
      fz={size ?? 'sm'}
      fw={600}
      aria-label={`${n.toLocaleString()} ${label}`}
    >
      {n.toLocaleString()}
    </Anchor>
  );
}

/** One headline figure. */
function Figure({
  label,
  n,
  filters,
  scope,
  tone,
}: {
  label: string;
  n: number;
  filters: ViewFilters;
  scope: Scope;
  tone?: 'red' | 'orange';
}) {
  return (
    <Paper withBorder p={scope.kiosk ? 'lg' : 'md'} radius="md">
      <Stack gap={4}>
        <Text fz={scope.kiosk ? 'xl' : 'sm'} c="dimmed">
          {label}
        </Text>
        <Group gap="xs" align="baseline">
          <CountLink
            n={n}
            filters={filters}
            scope={scope}
            label={label.toLowerCase()}
            size={scope.kiosk ? '3.5rem' : '2rem'}
          />
          {tone && n > 0 && (
            <Badge color={tone} variant="light">
              {tone === 'red' ? 'Act now' : 'Soon'}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function Figures({ board, scope }: { board: Board; scope: Scope }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
      <Figure label="Open backlog" n={board.backlog.open} filters={openFilters()} scope={scope} />
      <Figure
        label="Unassigned"
        n={board.unassigned.count}
        filters={openFilters({ assignee: ['none'] })}
        scope={scope}
      />
      <Figure
        label="Breached"
        n={board.sla.breached}
        filters={openFilters({ slaDueBefore: 'now' })}
        scope={scope}
        tone="red"
      />
      <Figure
        label="Breaching within the hour"
        n={board.sla.breachingSoon}
        filters={openFilters({ slaDueAfter: 'now', slaDueBefore: '+1h' })}
        scope={scope}
        tone="orange"
      />
      <Figure
        label="Incoming today"
        n={board.today.incoming}
        filters={{ createdAfter: board.today.from }}
        scope={scope}
      />
      <Figure
        label="Solved today"
        n={board.today.solved}
        filters={{ solvedAfter: board.today.from }}
        scope={scope}
      />
    </SimpleGrid>
  );
}

function Alerts({ board }: { board: Board }) {
  if (board.alerts.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Alerts">
      {board.alerts.map((alert) => (
        <Alert
          key={`${alert.kind}:${alert.title}`}
          color={alert.kind === 'spike' ? 'orange' : 'red'}
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={alert.title}
        >
          <Group gap="xs">
            <Text fz="sm">
              Since <RelativeTime value={alert.since} />.
            </Text>
            {alert.ticketIds.slice(0, 8).map((id) => (
              <Anchor key={id} component={Link} to={`/inbox/all/tickets/${id}`} fz="sm">
                #{id}
              </Anchor>
            ))}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

function BacklogTable({ board, scope }: { board: Board; scope: Scope }) {
  const rows = board.backlog.byTeam;
  return (
    <SectionCard
      title="Backlog by team"
      description="Unsolved tickets by status; every figure opens the tickets."
    >
      {rows.length === 0 ? (
        <EmptyState
          size="sm"
          title="No teams yet"
          description="Tickets show here by team once teams exist."
        />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" fz={scope.kiosk ? 'lg' : 'sm'} aria-label="Backlog by team and status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Team</Table.Th>
                {boardStatuses.map((s) => (
                  <Table.Th key={s} scope="col" ta="right">
                    {statusLabels[s]}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  Unassigned
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  All open
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const team: ViewFilters['team'] = row.team ? [row.team.id] : ['none'];
                const name = row.team?.name ?? 'No team';
                return (
                  <Table.Tr key={row.team?.id ?? 'none'}>
                    <Table.Th scope="row" fw={500} fs={row.team ? undefined : 'italic'}>
                      {name}
                    </Table.Th>
                    {boardStatuses.map((s) => (
                      <Table.Td key={s} ta="right">
                        <CountLink
                          n={row.byStatus[s] ?? 0}
                          filters={{ status: [s], team }}
                          scope={scope}
                          label={`with status ${statusLabels[s].toLowerCase()} in ${name}`}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">
                      <CountLink
                        n={row.unassigned}
                        filters={openFilters({ team, assignee: ['none'] })}
                        scope={scope}
                        label={`unassigned in ${name}`}
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <CountLink
                        n={row.open}
                        filters={openFilters({ team })}
                        scope={scope}
                        label={`open in ${name}`}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

function UnassignedAges({ board, scope }: { board: Board; scope: Scope }) {
  const { unassigned } = board;
  return (
    <SectionCard
      title="Unassigned by age"
      description={
        unassigned.oldestAt ? (
          <>
            The oldest came in <RelativeTime value={unassigned.oldestAt} fz="sm" />.
          </>
        ) : (
          'Nobody is waiting for an agent.'
        )
      }
    >
      <Stack gap={6}>
        {unassigned.buckets.map((b) => (
          <Group key={b.key} justify="space-between">
            <Text fz={scope.kiosk ? 'lg' : 'sm'}>{b.label}</Text>
            <CountLink
              n={b.count}
              filters={openFilters({
                assignee: ['none'],
                ...(b.createdAfter ? { createdAfter: b.createdAfter } : {}),
                ...(b.createdBefore ? { createdBefore: b.createdBefore } : {}),
              })}
              scope={scope}
              label={`unassigned, ${b.label.toLowerCase()}`}
              size={scope.kiosk ? 'lg' : 'sm'}
            />
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}

function Agents({ board, scope }: { board: Board; scope: Scope }) {
  const online = board.agents.filter((a) => a.presence.status === 'online').length;
  return (
    <SectionCard
      title="Agents"
      description={`${online} of ${board.agents.length} online; load is their open tickets.`}
    >
      {board.agents.length === 0 ? (
        <EmptyState
          size="sm"
          title="No agents"
          description="Agents show here with their presence and load."
        />
      ) : (
        <Stack gap={6}>
          {board.agents.map((agent) => (
            <Group key={agent.id} justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap" miw={0}>
                <PresenceDot status={agent.presence.status} />
                {scope.kiosk ? (
                  <Text fz="lg" truncate="end">
                    {agent.name}
                  </Text>
                ) : (
                  <Anchor
                    component={Link}
                    to={`/scorecards/agents/${agent.id}`}
                    fz="sm"
                    truncate="end"
                    aria-label={`${agent.name}, scorecard`}
                  >
                    {agent.name}
                  </Anchor>
                )}
              </Group>
              <CountLink
                n={agent.load}
                filters={openFilters({ assignee: [agent.id] })}
                scope={{ ...scope, teamIds: null }}
                label={`open tickets assigned to ${agent.name}`}
                size={scope.kiosk ? 'lg' : 'sm'}
              />
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/** The board's sections, on the page or on the wall screen. */
function BoardBody({ board, scope }: { board: Board; scope: Scope }) {
  return (
    <Stack gap="lg">
      <Alerts board={board} />
      <Figures board={board} scope={scope} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <SectionCard
              title="Today by hour"
              description={`Incoming against solved since midnight (${board.today.timezone}).`}
            >
              <TodayChart today={board.today} height={scope.kiosk ? 320 : 220} />
            </SectionCard>
            <BacklogTable board={board} scope={scope} />
            {!scope.kiosk && <GoalsPanel description="Goals running now, with how each is going." />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <UnassignedAges board={board} scope={scope} />
            <Agents board={board} scope={scope} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The wall screen: the whole window, dark, large type; Escape or the button leaves it. */
function Kiosk({ children, onExit }: { children: ReactNode; onExit(): void }) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  // biome-ignore lint/correctness/useExhaustiveDependencies: dark while the wall screen is up, back to the person's own after.
  useEffect(() => {
    const before = colorScheme;
    setColorScheme('dark');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onExit();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      setColorScheme(before);
    };
  }, []);
  return (
    <Box
      pos="fixed"
      inset={0}
      p="lg"
      style={{ zIndex: 150, overflow: 'auto', background: 'var(--mantine-color-body)', fontSize: '1.25rem' }}
      role="region"
      aria-label="Operations board, wall screen"
    >
      {children}
    </Box>
  );
}

/** The live operations board: the managers' home page, and the wall screen with `?kiosk=1`. */
export function BoardPage({ asHome = false }: { asHome?: boolean }) {
  usePageTitle(asHome ? 'Home' : 'Operations board');
  const [params, setParams] = useSearchParams();
  const kiosk = params.get('kiosk') === '1';
  const board = useBoard(kiosk, usePollInterval());
  useTicketChanges(() => void board.refetch(), LIVE_EVERY_MS);
  const setKiosk = (on: boolean) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (on) next.set('kiosk', '1');
      else next.delete('kiosk');
      return next;
    });

  const updated = board.data ? (
    <Text fz="sm" c="dimmed" aria-live="polite">
      Updated <RelativeTime value={board.data.generatedAt} fz="sm" />
    </Text>
  ) : null;
  const body = board.data ? (
    <BoardBody board={board.data} scope={{ teamIds: board.data.teamIds, kiosk }} />
  ) : board.isError ? (
    <Paper withBorder radius="md">
      <ErrorState
        error={board.error}
        title="The board could not be loaded"
        onRetry={() => void board.refetch()}
        retrying={board.isRefetching}
      />
    </Paper>
  ) : (
    <Paper withBorder p="lg" radius="md">
      <LoadingState label="Loading the board" rows={6} />
    </Paper>
  );

  if (kiosk)
    return (
      <Kiosk onExit={() => setKiosk(false)}>
        <Group justify="space-between" mb="lg">
          <Text fz="2rem" fw={700}>
            Operations board
          </Text>
          <Group gap="md">
            {updated}
            <Button variant="default" leftSection={<IconX size={16} />} onClick={() => setKiosk(false)}>
              Leave wall screen
            </Button>
          </Group>
        </Group>
        {body}
      </Kiosk>
    );

  return (
    <>
      <PageHeader
        title="Operations board"
        description={
          board.data?.scope === 'led'
            ? 'Live figures of the teams you lead.'
            : 'Live figures of every team: what waits, what runs out, who is on.'
        }
        actions={
          <Group gap="sm">
            {updated}
            <Button variant="default" leftSection={<IconDeviceTv size={16} />} onClick={() => setKiosk(true)}>
              Wall screen
            </Button>
          </Group>
        }
      />
      {body}
    </>
  );
}
