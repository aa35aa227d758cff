import { Paper, SegmentedControl, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { JobFailuresTable } from './JobFailuresTable';
import { type JobFailureStatus, useJobFailures } from './jobs.queries';

const statuses: { value: JobFailureStatus; label: string; empty: { title: string; description: string } }[] =
  [
    {
      value: 'dead',
      label: 'Stopped',
      empty: {
        title: 'Nothing stopped',
        description:
          'An item that failed five times stops here: a notification that could not be written, mail the server refused, a mailbox that cannot be polled. Fix the cause, then retry it.',
      },
    },
    {
      value: 'retrying',
      label: 'Retrying',
      empty: {
        title: 'Nothing waiting for a retry',
        description: 'An item that failed is tried again after 30 seconds, then 2, 10 and 30 minutes.',
      },
    },
  ];

const isStatus = (value: string | null): value is JobFailureStatus => statuses.some((s) => s.value === value);

/** Admin → Background jobs: work that failed, so one bad item never holds up the rest. */
export function JobsPage() {
  usePageTitle('Background jobs');
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: JobFailureStatus = isStatus(requested) ? requested : 'dead';
  const failures = useJobFailures(status);
  const rows = failures.data?.pages.flatMap((p) => p.data) ?? [];
  const counts = failures.data?.pages[0]?.counts;
  const current = statuses.find((s) => s.value === status) ?? statuses[0]!;

  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Notification mail, outgoing mail, IMAP polling and auto-close skip an item they cannot process and carry on. Those items wait here."
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Show items that are"
          value={status}
          onChange={(value) => isStatus(value) && setParams({ status: value }, { replace: true })}
          data={statuses.map((s) => ({
            value: s.value,
            label: counts ? `${s.label} (${counts[s.value]})` : s.label,
          }))}
          w={{ base: '100%', sm: 'auto' }}
          style={{ alignSelf: 'flex-start' }}
        />
        <Paper withBorder radius="md">
          <QueryList
            query={failures}
            loadingLabel="Loading failed background work"
            errorTitle="Failed background work could not be loaded"
            isEmpty={rows.length === 0}
            empty={<EmptyState title={current.empty.title} description={current.empty.description} />}
          >
            <JobFailuresTable items={rows} />
            <LoadMore
              hasNextPage={failures.hasNextPage}
              isFetchingNextPage={failures.isFetchingNextPage}
              fetchNextPage={failures.fetchNextPage}
              shown={rows.length}
              noun="items"
            />
          </QueryList>
        </Paper>
      </Stack>
    </>
  );
}
