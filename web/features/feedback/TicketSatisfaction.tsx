import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { TicketSatisfaction } from '../../../contracts/feedback';
import { RelativeTime } from '../../components/RelativeTime';
import { useTicketSatisfaction } from './feedback.queries';

const statusText: Record<NonNullable<TicketSatisfaction['survey']>['status'], string> = {
  scheduled: 'Survey goes out',
  sent: 'Survey sent, no answer yet',
  answered: 'Answered',
  cancelled: 'Not surveyed: the ticket was reopened before the survey went out',
};

/** A ticket's satisfaction survey in its properties: shown once the ticket has one. */
export function TicketSatisfactionSection({ ticketId }: { ticketId: number }) {
  const satisfaction = useTicketSatisfaction(ticketId);
  const survey = satisfaction.data?.survey;
  if (!survey) return null;
  const answer = satisfaction.data?.answer ?? null;
  return (
    <Stack gap={6} component="section" aria-label="Customer satisfaction">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed">
        Satisfaction
      </Title>
      {answer ? (
        <>
          <Group gap="xs">
            <Badge
              color={
                answer.positive ? 'green' : answer.scale === 'five' && answer.rating === 3 ? 'yellow' : 'red'
              }
              variant="light"
            >
              {answer.scale === 'five' ? `${answer.rating} · ` : ''}
              {answer.ratingLabel}
            </Badge>
            {answer.effort !== null && (
              <Badge color="gray" variant="light">
                Effort {answer.effort}/7
              </Badge>
            )}
          </Group>
          {answer.comment && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              “{answer.comment}”
            </Text>
          )}
          <Text fz="xs" c="dimmed">
            {answer.reason ? `${answer.reason.name} · ` : ''}
            <RelativeTime value={answer.updatedAt} fz="xs" c="dimmed" span />
          </Text>
        </>
      ) : (
        <Text fz="sm" c="dimmed">
          {statusText[survey.status]}
          {survey.status === 'scheduled' && (
            <>
              {' '}
              <RelativeTime value={survey.dueAt} fz="sm" c="dimmed" span />
            </>
          )}
        </Text>
      )}
    </Stack>
  );
}
