import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type Goal, type Trajectory, trajectoryLabels } from '../../../contracts/goals';
import { formatValue } from '../reports/formatValue';

const trajectoryColors: Record<Trajectory, string> = {
  pending: 'gray',
  on_track: 'teal',
  at_risk: 'orange',
  achieved: 'green',
  missed: 'red',
};

export function TrajectoryBadge({ trajectory }: { trajectory: Trajectory }) {
  return (
    <Badge color={trajectoryColors[trajectory]} variant="light" size="sm">
      {trajectoryLabels[trajectory]}
    </Badge>
  );
}

/** How far the goal is toward its target, 0 to 100: the value over the target (the target over the value when lower is better). */
export function progressShare(goal: Pick<Goal, 'direction' | 'target' | 'progress'>): number {
  const { value } = goal.progress;
  if (value === null) return 0;
  if (goal.direction === 'higher')
    return goal.target <= 0 ? 100 : Math.max(0, Math.min(100, (value / goal.target) * 100));
  if (value <= goal.target) return 100;
  return value <= 0 ? 100 : Math.max(0, Math.min(100, (goal.target / value) * 100));
}

export function ownerName(goal: Goal): string {
  if (goal.owner.kind === 'department') return 'Department';
  return goal.owner.team?.name ?? goal.owner.agent?.name ?? '—';
}

function ownerLink(goal: Goal): string | null {
  if (goal.owner.team) return `/scorecards/teams/${goal.owner.team.id}`;
  if (goal.owner.agent) return `/scorecards/agents/${goal.owner.agent.id}`;
  return null;
}

/** One goal: its name, owner and period, the value against the target with a bar, and the trajectory. */
export function GoalCard({ goal, actions }: { goal: Goal; actions?: React.ReactNode }) {
  const share = progressShare(goal);
  const value = formatValue(goal.progress.value, goal.unit);
  const target = formatValue(goal.target, goal.unit);
  const link = ownerLink(goal);
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={goal.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={600} lineClamp={2}>
              {goal.name}
            </Text>
            <Text fz="xs" c="dimmed">
              {link ? (
                <Anchor component={Link} to={link} fz="xs">
                  {ownerName(goal)}
                </Anchor>
              ) : (
                ownerName(goal)
              )}{' '}
              · {goal.kpiLabel} · {goal.period.label}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <TrajectoryBadge trajectory={goal.trajectory} />
            {actions}
          </Group>
        </Group>
        <Progress
          value={share}
          color={trajectoryColors[goal.trajectory]}
          size="md"
          aria-label={`${goal.name}: ${value} against a target of ${target}`}
        />
        <Group justify="space-between" gap="xs">
          <Text fz="sm">
            <Text span fw={700}>
              {value}
            </Text>{' '}
            <Text span c="dimmed" fz="sm">
              {goal.direction === 'higher' ? 'of at least' : 'against at most'} {target}
            </Text>
          </Text>
          {goal.progress.forecast !== null &&
            goal.trajectory !== 'achieved' &&
            goal.trajectory !== 'missed' && (
              <Text fz="xs" c="dimmed">
                Forecast{' '}
                {formatValue(
                  goal.unit === 'count' ? Math.round(goal.progress.forecast) : goal.progress.forecast,
                  goal.unit,
                )}{' '}
                · {Math.round(goal.progress.elapsed * 100)} % of the period gone
              </Text>
            )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Goals as a grid of cards (the Goals page, the board's and the home page's panels). */
export function GoalGrid({
  goals,
  compact = false,
  actionsOf,
}: {
  goals: Goal[];
  compact?: boolean;
  actionsOf?: (goal: Goal) => React.ReactNode;
}) {
  return (
    <SimpleGrid cols={compact ? { base: 1, sm: 2 } : { base: 1, md: 2 }} spacing="sm">
      {goals.map((g) => (
        <GoalCard key={g.id} goal={g} actions={actionsOf?.(g)} />
      ))}
    </SimpleGrid>
  );
}
