import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { MyScores as Scores } from '../../../contracts/feedback-loop';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { useMyScores } from '../feedback/feedback-loop.queries';
import { SentimentBadge } from '../feedback/SentimentBadge';

type Period = Scores['current'];

/** How a figure moved against the 30 days before, in words a screen reader says too. */
function Change({ now, before, unit }: { now: number | null; before: number | null; unit: string }) {
  if (now === null || before === null)
    return (
      <Text fz="xs" c="dimmed">
        No earlier figure
      </Text>
    );
  const delta = now - before;
  const text =
    Math.abs(delta) < 0.05
      ? 'Same as the 30 days before'
      : `${delta > 0 ? 'Up' : 'Down'} ${Math.abs(delta).toFixed(unit === '%' ? 0 : 1)}${unit} on the 30 days before`;
  return (
    <Text fz="xs" c={Math.abs(delta) < 0.05 ? 'dimmed' : delta > 0 ? 'teal.8' : 'red.8'}>
      {text}
    </Text>
  );
}

function Figure({ label, value, children }: { label: string; value: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2}>
        {value}
      </Text>
      {children}
    </Paper>
  );
}

const percent = (p: Period) => (p.csat === null ? '—' : `${Math.round(p.csat)}%`);

/** The signed-in agent's own satisfaction scores: the last 30 days against the 30 before, and what customers wrote. */
export function MyScores() {
  const scores = useMyScores();
  return (
    <SectionCard
      title="Your scores"
      description="What customers said about tickets you solved, the last 30 days."
    >
      {scores.isPending ? (
        <LoadingState label="Loading your scores" rows={2} />
      ) : scores.isError ? (
        <ErrorState
          error={scores.error}
          title="Your scores could not be loaded"
          onRetry={() => void scores.refetch()}
        />
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Figure label="CSAT" value={percent(scores.data.current)}>
              <Change now={scores.data.current.csat} before={scores.data.previous.csat} unit="%" />
            </Figure>
            <Figure
              label="Effort (CES)"
              value={scores.data.current.ces === null ? '—' : scores.data.current.ces.toFixed(1)}
            >
              <Change now={scores.data.current.ces} before={scores.data.previous.ces} unit="" />
            </Figure>
            <Figure label="Answers" value={String(scores.data.current.answers)}>
              <Text fz="xs" c="dimmed">
                {scores.data.previous.answers} in the 30 days before
              </Text>
            </Figure>
          </SimpleGrid>
          {scores.data.latestComments.length === 0 ? (
            <Text fz="sm" c="dimmed">
              No comments yet. When customers answer the survey after you solve their ticket, what they write
              appears here.
            </Text>
          ) : (
            <Stack
              gap="xs"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label="Latest comments"
            >
              {scores.data.latestComments.map((c) => (
                <li key={c.id}>
                  <Stack gap={2}>
                    <Group gap={6}>
                      <Badge size="sm" variant="light" color={c.positive ? 'green' : 'red'}>
                        {c.ratingLabel}
                      </Badge>
                      <SentimentBadge sentiment={c.sentiment} />
                      <RelativeTime value={c.answeredAt} fz="xs" c="dimmed" />
                    </Group>
                    <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      “{c.comment}”
                    </Text>
                    <Anchor component={Link} to={`/inbox/all/tickets/${c.ticket.id}`} fz="xs">
                      #{c.ticket.id} {c.ticket.subject}
                    </Anchor>
                  </Stack>
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
