import { Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePhone } from '../../app/layout/screen';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { QueryList } from '../../components/QueryList';
import { InboundTable } from './InboundTable';
import { type InboundCounts, type InboundStatus, useInboundMail } from './mail.queries';

const statuses: { value: InboundStatus; label: string; empty: { title: string; description: string } }[] = [
  {
    value: 'failed',
    label: 'Failed',
    empty: {
      title: 'No failed mail',
      description:
        'Messages that cannot be read or routed land here: no sender, or sent to an address that is no mailbox. Fix the cause, then retry them.',
    },
  },
  {
    value: 'spam',
    label: 'Spam',
    empty: {
      title: 'No spam',
      description:
        'Mail held back by a spam rule or by the loop guard lands here. If something was caught by mistake, release it with Not spam.',
    },
  },
  {
    value: 'ignored',
    label: 'Ignored',
    empty: {
      title: 'Nothing ignored',
      description:
        'Bounces, delivery reports and mail sent from your own mailboxes land here and make no tickets. Process anyway turns one into a ticket.',
    },
  },
  {
    value: 'processed',
    label: 'Processed',
    empty: {
      title: 'No mail processed yet',
      description: 'Mail that became a ticket or a reply shows here, with a link to its ticket.',
    },
  },
  {
    value: 'queued',
    label: 'Waiting',
    empty: {
      title: 'Nothing waiting',
      description: 'Mail that has just arrived waits here for a few seconds until Steward has read it.',
    },
  },
];

function isStatus(value: string | null): value is InboundStatus {
  return statuses.some((s) => s.value === value);
}

function countLabel(label: string, counts: InboundCounts | undefined, status: InboundStatus) {
  const count = counts?.[status];
  return count === undefined ? label : `${label} (${count})`;
}

/** Received mail by state: failed and spam to review, processed for reference. */
export function InboundTab() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: InboundStatus = isStatus(requested) ? requested : 'failed';
  const phone = usePhone();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const mail = useInboundMail(status, debouncedSearch);
  const rows = mail.data?.pages.flatMap((p) => p.data) ?? [];
  const counts = mail.data?.pages[0]?.counts;
  const current = statuses.find((s) => s.value === status) ?? statuses[0]!;

  return (
    <Stack gap="md">
      <Group gap="sm" align="center" wrap="wrap">
        <SegmentedControl
          aria-label="Show mail that is"
          // Five choices don't fit side by side on a phone: one under the other there.
          orientation={phone ? 'vertical' : 'horizontal'}
          fullWidth={phone}
          value={status}
          onChange={(value) => isStatus(value) && setParams({ status: value }, { replace: true })}
          data={statuses.map((s) => ({ value: s.value, label: countLabel(s.label, counts, s.value) }))}
        />
        <TextInput
          aria-label="Search received mail"
          placeholder="Search sender or subject"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
      </Group>
      <Paper withBorder radius="md">
        <QueryList
          query={mail}
          loadingLabel="Loading received mail"
          errorTitle="Received mail could not be loaded"
          isEmpty={rows.length === 0}
          noMatch={
            debouncedSearch.trim()
              ? {
                  icon: <IconSearch size={28} stroke={1.5} />,
                  title: `No ${current.label.toLowerCase()} mail matches “${debouncedSearch.trim()}”`,
                  description:
                    'Search looks at the sender and the subject. Try fewer words, or clear the search.',
                  onClear: () => setSearch(''),
                }
              : null
          }
          empty={<EmptyState title={current.empty.title} description={current.empty.description} />}
        >
          <InboundTable mail={rows} />
          <LoadMore
            hasNextPage={mail.hasNextPage}
            isFetchingNextPage={mail.isFetchingNextPage}
            fetchNextPage={mail.fetchNextPage}
            shown={rows.length}
            noun="messages"
          />
        </QueryList>
      </Paper>
      {(status === 'spam' || status === 'ignored') && rows.length > 0 && (
        <Text fz="xs" c="dimmed">
          {status === 'spam' ? 'Not spam' : 'Process anyway'} reads the message again without the spam checks;
          it becomes a ticket or a reply.
        </Text>
      )}
    </Stack>
  );
}
