import { Anchor, Button, Flex, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { QueueCount, Workload } from '../../../contracts/workload';
import { EmptyState } from '../../components/EmptyState';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { PriorityBadge } from '../../components/TicketBadges';
import { countText, inboxPath, sumCounts } from './home.queries';

/** One figure: its name and number side by side on a phone, one above the other on wider screens. */
function Figure({ label, count, to, hint }: { label: string; count: QueueCount; to: string; hint: string }) {
  return (
    <Paper withBorder radius="md" px="md" py={{ base: 'xs', xs: 'md' }}>
      <Flex
        direction={{ base: 'row-reverse', xs: 'column-reverse' }}
        justify={{ base: 'space-between', xs: 'flex-end' }}
        align={{ base: 'center', xs: 'flex-start' }}
        gap={4}
      >
        <Anchor
          component={Link}
          to={to}
          fz={{ base: 22, xs: 28 }}
          fw={700}
          lh={1.1}
          underline="hover"
          aria-label={`${label}: ${countText(count)}`}
        >
          {countText(count)}
        </Anchor>
        <div>
          <Text fz="sm" c="dimmed">
            {label}
          </Text>
          <Text fz="xs" c="dimmed" visibleFrom="xs">
            {hint}
          </Text>
        </div>
      </Flex>
    </Paper>
  );
}

/** The figures a person acts on first: their own open and waiting tickets, and what nobody has taken. */
export function WorkloadFigures({ workload }: { workload: Workload }) {
  const own = workload.scope === 'own';
  const unassigned = sumCounts(workload.teams.map((t) => t.unassigned));
  return (
    <SimpleGrid
      cols={{ base: 1, xs: workload.mine && workload.teams.length ? 3 : 2 }}
      spacing={{ base: 'xs', xs: 'md' }}
    >
      {workload.mine && (
        <>
          <Figure
            label="Your open tickets"
            count={workload.mine.open}
            to={inboxPath('my-open')}
            hint="Assigned to you and not yet solved"
          />
          <Figure
            label="Waiting on your customers"
            count={workload.mine.pending}
            to={inboxPath('pending', { assignee: ['me'] })}
            hint="Yours, pending a customer’s reply"
          />
        </>
      )}
      {workload.teams.length > 0 && (
        <Figure
          label={own ? 'Unassigned in your teams' : 'Unassigned in all teams'}
          count={unassigned}
          to={own ? inboxPath('unassigned', { team: ['mine'] }) : inboxPath('unassigned')}
          hint="Open tickets nobody has taken yet"
        />
      )}
    </SimpleGrid>
  );
}

/** The ticket that has waited longest for someone to take it. */
export function OldestUnassigned({ workload }: { workload: Workload }) {
  const oldest = workload.oldestUnassigned;
  const own = workload.scope === 'own';
  return (
    <SectionCard
      title={own ? 'Next to pick up' : 'Waiting longest for an owner'}
      description="The oldest open ticket nobody is assigned to."
    >
      {oldest ? (
        <Stack gap="sm">
          <Anchor
            component={Link}
            to={`/inbox/unassigned/tickets/${oldest.id}`}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            #{oldest.id} {oldest.subject}
          </Anchor>
          <Group gap="xs" wrap="wrap">
            <PriorityBadge priority={oldest.priority} />
            <Text fz="sm" c="dimmed">
              {oldest.team?.name ?? 'No team'} · came in <RelativeTime value={oldest.createdAt} c="dimmed" />
            </Text>
          </Group>
          <Group>
            <Button
              component={Link}
              to={inboxPath('unassigned')}
              variant="subtle"
              size="xs"
              rightSection={<IconArrowRight size={14} />}
            >
              All unassigned tickets
            </Button>
          </Group>
        </Stack>
      ) : (
        <EmptyState
          size="sm"
          icon={<IconCircleCheck size={22} stroke={1.5} />}
          title="Every open ticket has an owner"
          description={
            own ? 'Nothing waits in your teams’ Unassigned queue.' : 'Nothing waits in the Unassigned queue.'
          }
        />
      )}
    </SectionCard>
  );
}
