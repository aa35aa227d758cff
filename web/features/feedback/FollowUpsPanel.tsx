import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type FollowUp,
  type FollowUpDetail,
  type FollowUpOutcome,
  type FollowUpState,
  followUpOutcomeLabels,
  followUpOutcomes,
} from '../../../contracts/feedback-loop';
import { notifyError, notifySuccess } from '../../app/notify';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { useChangeFollowUp, useContactCustomer, useFollowUp, useFollowUps } from './feedback-loop.queries';
import { SentimentBadge } from './SentimentBadge';

const views = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
] as const;
type View = (typeof views)[number]['value'];

const stateLabels: Record<FollowUpState, string> = {
  open: 'Open',
  contacted: 'Contacted',
  resolved: 'Resolved',
};
const stateColors: Record<FollowUpState, string> = { open: 'orange', contacted: 'blue', resolved: 'green' };

function StateBadge({ followUp }: { followUp: FollowUp }) {
  return (
    <Group gap={6}>
      <Badge color={stateColors[followUp.state]} variant="light">
        {stateLabels[followUp.state]}
      </Badge>
      {followUp.overdue && (
        <Badge color="red" variant="filled">
          Overdue
        </Badge>
      )}
      {followUp.outcome && (
        <Badge color="gray" variant="outline">
          {followUpOutcomeLabels[followUp.outcome]}
        </Badge>
      )}
    </Group>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text fz="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** Follow-ups of negative answers: the list by state, the share closed within target, and one in a drawer. */
export function FollowUpsPanel() {
  const [params, setParams] = useSearchParams();
  const view: View = views.some((v) => v.value === params.get('view'))
    ? (params.get('view') as View)
    : 'open';
  const openId = /^\d{1,9}$/.test(params.get('followUp') ?? '') ? Number(params.get('followUp')) : null;
  const list = useFollowUps(view);
  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const rows = list.data?.data ?? [];
  const summary = list.data?.summary;
  return (
    <Stack gap="md">
      {summary && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label="Open" value={String(summary.open)} hint="Waiting for a call or an outcome" />
          <Figure label="Overdue" value={String(summary.overdue)} hint="Open past their due time" />
          <Figure label="Closed" value={String(summary.closed)} hint="Resolved with an outcome" />
          <Figure
            label="Closed in time"
            value={summary.closedInTimeShare === null ? '—' : `${Math.round(summary.closedInTimeShare)}%`}
            hint={`${summary.closedInTime} of ${summary.closed} by their due time`}
          />
        </SimpleGrid>
      )}
      <SegmentedControl
        aria-label="Follow-ups to show"
        value={view}
        onChange={(value) => set('view', value === 'open' ? null : value)}
        data={views.map((v) => ({ value: v.value, label: v.label }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <QueryList
        query={list}
        loadingLabel="Loading follow-ups"
        errorTitle="Follow-ups could not be loaded"
        isEmpty={rows.length === 0}
        empty={
          <EmptyState
            icon={<IconHeartHandshake size={28} stroke={1.5} />}
            title={
              view === 'open'
                ? 'No open follow-ups'
                : view === 'overdue'
                  ? 'Nothing overdue'
                  : 'No follow-ups here'
            }
            description="A negative satisfaction answer opens a follow-up for the lead of the ticket's team (the managers when the team has none)."
          />
        }
      >
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((f) => (
            <li key={f.id}>
              <Paper withBorder radius="md" p="md">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Anchor
                      component="button"
                      type="button"
                      fw={600}
                      fz="sm"
                      onClick={() => set('followUp', String(f.id))}
                      style={{ textAlign: 'left', overflowWrap: 'anywhere' }}
                    >
                      {f.customer.name}: {f.summary}
                    </Anchor>
                    <StateBadge followUp={f} />
                  </Group>
                  <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {f.ticket ? `About #${f.ticket.id} ${f.ticket.subject} · ` : ''}
                    {f.owner ? `Owner ${f.owner.name}` : 'Owner: the managers'}
                    {f.team ? ` · ${f.team.name}` : ''} ·{' '}
                    {f.state === 'resolved' && f.closedAt ? (
                      <>
                        closed <RelativeTime value={f.closedAt} fz="xs" c="dimmed" />
                      </>
                    ) : (
                      <>
                        due <RelativeTime value={f.dueAt} fz="xs" c="dimmed" />
                      </>
                    )}
                  </Text>
                </Stack>
              </Paper>
            </li>
          ))}
        </Stack>
      </QueryList>
      <Drawer
        opened={openId !== null}
        onClose={() => set('followUp', null)}
        position="right"
        size="lg"
        title="Follow-up"
      >
        {openId !== null && <FollowUpView id={openId} />}
      </Drawer>
    </Stack>
  );
}

function FollowUpView({ id }: { id: number }) {
  const followUp = useFollowUp(id);
  if (followUp.isPending) return <LoadingState variant="block" label="Loading the follow-up" />;
  if (followUp.isError)
    return (
      <ErrorState
        error={followUp.error}
        title="The follow-up could not be loaded"
        onRetry={() => void followUp.refetch()}
      />
    );
  return <FollowUpBody detail={followUp.data} />;
}

function FollowUpBody({ detail }: { detail: FollowUpDetail }) {
  const change = useChangeFollowUp(detail.id);
  const [contacting, setContacting] = useState(false);
  const [resolving, setResolving] = useState(false);
  const move = (state: FollowUpState) =>
    change.mutate(
      { state },
      {
        onSuccess: () => notifySuccess(`Marked ${stateLabels[state].toLowerCase()}`),
        onError: (error) => notifyError(error, 'The follow-up was not changed'),
      },
    );
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <StateBadge followUp={detail} />
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {detail.summary}
        </Text>
        <Text fz="sm" c="dimmed">
          <Anchor component={Link} to={`/customers/${detail.customer.id}`} fz="sm">
            {detail.customer.name}
          </Anchor>
          {detail.customer.email ? ` · ${detail.customer.email}` : ''}
        </Text>
        <Text fz="sm" c="dimmed">
          {detail.owner ? `Owner ${detail.owner.name}` : 'Owner: the managers'} · due{' '}
          <RelativeTime value={detail.dueAt} fz="sm" c="dimmed" />
        </Text>
      </Stack>
      {detail.answer && (
        <Paper withBorder radius="md" p="sm">
          <Stack gap={4}>
            <Group gap={6}>
              <Badge color={detail.answer.positive ? 'green' : 'red'} variant="light">
                {detail.answer.ratingLabel}
              </Badge>
              <SentimentBadge sentiment={detail.answer.sentiment?.label ?? null} />
              {detail.answer.themes.map((t) => (
                <Badge key={t.id} variant="outline" color="grape" size="sm">
                  {t.name}
                </Badge>
              ))}
            </Group>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {detail.answer.comment ? `“${detail.answer.comment}”` : 'No comment'}
            </Text>
          </Stack>
        </Paper>
      )}
      <Stack gap={4}>
        {detail.ticket && (
          <Text fz="sm">
            Answer about{' '}
            <Anchor component={Link} to={`/inbox/all/tickets/${detail.ticket.id}`}>
              #{detail.ticket.id} {detail.ticket.subject}
            </Anchor>
          </Text>
        )}
        {detail.contactTicket && (
          <Text fz="sm">
            Contacted on{' '}
            <Anchor component={Link} to={`/inbox/all/tickets/${detail.contactTicket.id}`}>
              #{detail.contactTicket.id} {detail.contactTicket.subject}
            </Anchor>
          </Text>
        )}
        {detail.state === 'resolved' && detail.outcomeNote && (
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            Outcome: {detail.outcomeNote}
          </Text>
        )}
      </Stack>
      <Group gap="xs">
        {detail.state !== 'resolved' && !detail.contactTicket && (
          <Button size="xs" onClick={() => setContacting(true)}>
            Contact customer
          </Button>
        )}
        {detail.state === 'open' && (
          <Button size="xs" variant="default" onClick={() => move('contacted')} loading={change.isPending}>
            Mark contacted
          </Button>
        )}
        {detail.state !== 'resolved' && (
          <Button size="xs" variant="light" color="green" onClick={() => setResolving(true)}>
            Resolve
          </Button>
        )}
        {detail.state === 'resolved' && (
          <Button size="xs" variant="default" onClick={() => move('open')} loading={change.isPending}>
            Reopen
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <Text fw={600} fz="sm">
          History
        </Text>
        <Timeline bulletSize={14} lineWidth={2}>
          {detail.history.map((h) => (
            <Timeline.Item key={h.id}>
              <Text fz="sm">
                {h.kind === 'opened'
                  ? 'Opened by the negative answer'
                  : h.kind === 'contacted'
                    ? `Customer contacted${h.ticketId ? ` on #${h.ticketId}` : ''}`
                    : h.kind === 'reopened'
                      ? 'Reopened'
                      : `${stateLabels[h.toState]}${h.outcome ? `: ${followUpOutcomeLabels[h.outcome]}` : ''}`}
              </Text>
              {h.note && (
                <Text fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {h.note}
                </Text>
              )}
              <Text fz="xs" c="dimmed">
                {h.actor?.name ?? 'Steward'} · <RelativeTime value={h.at} fz="xs" c="dimmed" />
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
      <ContactModal detail={detail} opened={contacting} onClose={() => setContacting(false)} />
      <ResolveModal detail={detail} opened={resolving} onClose={() => setResolving(false)} />
    </Stack>
  );
}

function ContactModal({
  detail,
  opened,
  onClose,
}: {
  detail: FollowUpDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const contact = useContactCustomer(detail.id);
  const [subject, setSubject] = useState(
    detail.ticket ? `Following up: ${detail.ticket.subject}`.slice(0, 200) : 'Following up on your feedback',
  );
  const [message, setMessage] = useState('');
  const submit = () =>
    contact.mutate(
      { subject: subject.trim() || undefined, message: message.trim() },
      {
        onSuccess: (result) => {
          notifySuccess(`Ticket #${result.ticketId} opened for ${detail.customer.name}`);
          onClose();
        },
        onError: (error) => notifyError(error, 'The customer was not contacted'),
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title="Contact customer">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          Opens a new ticket for {detail.customer.name}
          {detail.customer.email ? ', mailed to them,' : ''} linked to this follow-up.
        </Text>
        <TextInput
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          maxLength={200}
        />
        <Textarea
          label="Message"
          required
          autosize
          minRows={4}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          placeholder="Sorry to read this. Could we call you to put it right?"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={contact.isPending} disabled={!message.trim()}>
            Open ticket
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResolveModal({
  detail,
  opened,
  onClose,
}: {
  detail: FollowUpDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const change = useChangeFollowUp(detail.id);
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null);
  const [note, setNote] = useState('');
  const submit = () => {
    if (!outcome) return;
    change.mutate(
      { state: 'resolved', outcome, note: note.trim() },
      {
        onSuccess: () => {
          notifySuccess('Follow-up resolved');
          onClose();
        },
        onError: (error) => notifyError(error, 'The follow-up was not resolved'),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Resolve follow-up">
      <Stack gap="sm">
        <Select
          label="Outcome"
          required
          data={followUpOutcomes.map((o) => ({ value: o, label: followUpOutcomeLabels[o] }))}
          value={outcome}
          onChange={(value) => setOutcome(value as FollowUpOutcome | null)}
        />
        <Textarea
          label="What happened"
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          placeholder="Called back, refunded the second charge."
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="green" onClick={submit} loading={change.isPending} disabled={!outcome}>
            Resolve
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
