import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconShieldLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { can } from '../../app/access';
import { formatViewCount, greeting } from '../../app/format';
import { pagesFor } from '../../app/pages';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { CompactTicketList } from '../../components/CompactTicketList';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadge } from '../../components/RoleBadge';
import { SectionCard } from '../../components/SectionCard';
import { BoardPage } from '../board/BoardPage';
import { GoalsPanel } from '../goals/GoalsPanel';
import { EmptyQueueState } from '../inbox/EmptyQueueState';
import { SlaChip } from '../sla/SlaChip';
import { useTicketPreview, useViews } from '../tickets/tickets.queries';
import { useWorkload } from './home.queries';
import { MyScores } from './MyScores';
import { TeamQueues } from './TeamQueues';
import { OldestUnassigned, WorkloadFigures } from './WorkloadSummary';

function todayLabel(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone,
    }).format(new Date());
  } catch {
    return new Date().toDateString();
  }
}

const MY_OPEN = 'my-open';

/** The signed-in agent's open tickets, the most recently active first, with the clock on each. */
function MyWork() {
  const tickets = useTicketPreview({ viewId: MY_OPEN, filters: {}, q: '', limit: 5 });
  const views = useViews();
  const myOpen = views.data?.find((v) => v.id === MY_OPEN);
  const total = myOpen?.count ?? null;
  const rows = tickets.data?.data ?? [];
  return (
    <SectionCard
      title="Your work today"
      description="Your open tickets and the clock on each."
      actions={
        <Button
          component={Link}
          to={`/inbox/${MY_OPEN}`}
          variant="subtle"
          size="xs"
          rightSection={<IconArrowRight size={14} />}
        >
          {myOpen && total !== null && total > rows.length
            ? `All ${formatViewCount(myOpen)} in the Inbox`
            : 'Open the Inbox'}
        </Button>
      }
    >
      {tickets.isPending ? (
        <LoadingState label="Loading your tickets" rows={3} />
      ) : tickets.isError ? (
        <ErrorState
          error={tickets.error}
          title="Your tickets could not be loaded"
          onRetry={() => void tickets.refetch()}
          retrying={tickets.isRefetching}
        />
      ) : rows.length === 0 ? (
        <EmptyQueueState viewId={MY_OPEN} view={myOpen} />
      ) : (
        <CompactTicketList
          tickets={rows}
          hrefOf={(ticket) => `/inbox/${MY_OPEN}/tickets/${ticket.id}`}
          label="Your open tickets"
          withClock
          extra={(ticket) => ticket.sla && <SlaChip clock={ticket.sla} size="xs" />}
        />
      )}
    </SectionCard>
  );
}

/** The signed-in person's role and teams. */
function YouCard() {
  const me = useMe();
  return (
    <SectionCard title="You" description="Your role and teams in Steward.">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">
            Role
          </Text>
          <RoleBadge role={me.role} />
        </Group>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fz="sm" c="dimmed">
            Teams
          </Text>
          {me.teams.length === 0 ? (
            <Text fz="sm" c="dimmed" ta="right">
              Not in a team yet
            </Text>
          ) : (
            <Group gap={4} justify="flex-end">
              {me.teams.map((team) => (
                <Badge key={team.id} variant="default" tt="none">
                  {team.name}
                </Badge>
              ))}
            </Group>
          )}
        </Group>
        <Anchor component={Link} to="/profile" fz="sm">
          Edit your profile
        </Anchor>
      </Stack>
    </SectionCard>
  );
}

/** A part of the page that waits for the numbers: a placeholder until they come. */
function Waiting({ label }: { label: string }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <LoadingState label={label} rows={3} />
    </Paper>
  );
}

/**
 * Managers, who direct the day, land on the live operations board; admins (who keep the system,
 * and reach the board from the menu) and agents on their own page.
 */
export function HomePage() {
  const me = useMe();
  return me.role === 'manager' ? <BoardPage asHome /> : <AgentHome />;
}

function AgentHome() {
  usePageTitle('Home');
  const me = useMe();
  const firstName = me.name.split(/\s+/)[0] || me.name;
  const shortcuts = pagesFor(me.role).filter((p) => p.id !== 'home');
  const workload = useWorkload();
  const data = workload.data;
  const leadsTeams = can(me.role, 'workload.all-teams');

  const queues = data ? (
    <TeamQueues workload={data} canManageTeams={can(me.role, 'teams.write')} />
  ) : workload.isPending ? (
    <Waiting label="Loading the team queues" />
  ) : null;
  const oldest = data ? (
    <OldestUnassigned workload={data} />
  ) : workload.isPending ? (
    <Waiting label="Loading the unassigned queue" />
  ) : null;

  return (
    <>
      <PageHeader title={`${greeting(me.timezone)}, ${firstName}`} description={todayLabel(me.timezone)} />
      <Stack gap="lg">
        {!me.twoFactorEnabled && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconShieldLock size={18} />}
            title="Protect your account with two-factor sign-in"
          >
            <Group justify="space-between" gap="sm">
              <Text fz="sm">A code from your phone keeps your account safe even if your password leaks.</Text>
              <Button component={Link} to="/profile" size="xs" variant="white" color="dark">
                Set it up
              </Button>
            </Group>
          </Alert>
        )}
        {data ? (
          <WorkloadFigures workload={data} />
        ) : workload.isError ? (
          <Paper withBorder radius="md">
            <ErrorState
              error={workload.error}
              title="The queues could not be loaded"
              onRetry={() => void workload.refetch()}
              retrying={workload.isRefetching}
            />
          </Paper>
        ) : (
          <Waiting label="Loading your numbers" />
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              {leadsTeams ? queues : <MyWork />}
              {leadsTeams ? <MyWork /> : queues}
              {!leadsTeams && <MyScores />}
              {!leadsTeams && (
                <GoalsPanel description="Your team’s goals, the department’s and your own, running now." />
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              {oldest}
              <YouCard />
            </Stack>
          </Grid.Col>
        </Grid>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            What you can do now
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {shortcuts.map((page) => (
              <Card key={page.id} withBorder radius="md" padding="lg">
                <Stack gap="sm" h="100%" justify="space-between">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" size={36} radius="md">
                      <page.icon size={20} stroke={1.6} />
                    </ThemeIcon>
                    <Stack gap={2}>
                      <Text fw={600}>{page.label}</Text>
                      <Text fz="sm" c="dimmed">
                        {page.description}
                      </Text>
                    </Stack>
                  </Group>
                  <Group justify="flex-end">
                    <Button
                      component={Link}
                      to={page.path}
                      variant="subtle"
                      size="xs"
                      rightSection={<IconArrowRight size={14} />}
                      aria-label={`Open ${page.label}`}
                    >
                      Open
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      </Stack>
    </>
  );
}
