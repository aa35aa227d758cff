import { Anchor } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { GoalGrid } from './GoalParts';
import { useGoals } from './goals.queries';

/** The goals running now that concern the signed-in person, compact: the board's and the home page's panel. */
export function GoalsPanel({ description }: { description: string }) {
  const goals = useGoals({ status: 'active' });
  return (
    <SectionCard
      title="Goals"
      description={description}
      actions={
        <Anchor component={Link} to="/goals" fz="sm">
          All goals
        </Anchor>
      }
    >
      {goals.isPending ? (
        <LoadingState label="Loading goals" rows={2} />
      ) : goals.isError ? (
        <ErrorState
          error={goals.error}
          title="Goals could not be loaded"
          onRetry={() => void goals.refetch()}
        />
      ) : goals.data.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconTargetArrow size={24} stroke={1.5} />}
          title="No goals running"
          description="Goals set for this month or quarter show here with how they are going."
        />
      ) : (
        <GoalGrid goals={goals.data.slice(0, 6)} compact />
      )}
    </SectionCard>
  );
}
