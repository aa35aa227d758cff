import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  MAX_SIDE_RECIPIENTS,
  type SideConversation,
  type SideMessage,
} from '../../../contracts/side-conversations';
import { applyServerErrors, looksLikeEmail } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import {
  useReplySideConversation,
  useSideConversations,
  useStartSideConversation,
} from './sideConversations.queries';

/** The form that mails a third party about the ticket. */
function StartForm({ ticketId, onDone }: { ticketId: number; onDone: () => void }) {
  const start = useStartSideConversation(ticketId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { to: [] as string[], subject: '', body: '' },
    validate: {
      to: (value) =>
        value.length === 0
          ? 'Give at least one address'
          : value.find((a) => !looksLikeEmail(a))
            ? `${value.find((a) => !looksLikeEmail(a))} is not an email address`
            : null,
      subject: (value) => (value.trim() ? null : 'Give a subject'),
      body: (value) => (value.trim() ? null : 'Write a message'),
    },
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    start.mutate(
      { to: values.to, subject: values.subject.trim(), body: values.body.trim() },
      {
        onSuccess: () => {
          notifySuccess(`Mail to ${values.to.join(', ')} is on its way.`, 'Side conversation started');
          onDone();
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });
  return (
    <Card withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label="New side conversation">
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert" title="Not sent">
            {formError}
          </Alert>
        )}
        <TagsInput
          label="To"
          description="A supplier or another department; the customer never sees this"
          placeholder="name@example.com, then Enter"
          maxTags={MAX_SIDE_RECIPIENTS}
          splitChars={[',', ' ', ';']}
          required
          data-autofocus
          {...form.getInputProps('to')}
        />
        <TextInput label="Subject" required maxLength={200} {...form.getInputProps('subject')} />
        <Textarea label="Message" required autosize minRows={3} {...form.getInputProps('body')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending} leftSection={<IconMailForward size={14} />}>
            Send
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function MessageItem({ message }: { message: SideMessage }) {
  return (
    <Stack gap={2} component="li">
      <Group gap={6} wrap="wrap">
        <Text fz="xs" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {message.direction === 'out' ? message.author.name : `${message.author.name} (${message.from})`}
        </Text>
        <Badge size="xs" variant="light" color={message.direction === 'out' ? 'blue' : 'grape'}>
          {message.direction === 'out' ? 'Sent' : 'Received'}
        </Badge>
        <RelativeTime value={message.createdAt} fz="xs" c="dimmed" />
      </Group>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
    </Stack>
  );
}

/** One side conversation: who it is with, its messages, and a reply box. */
function ConversationCard({
  ticketId,
  conversation,
  disabled,
}: {
  ticketId: number;
  conversation: SideConversation;
  disabled: boolean;
}) {
  const reply = useReplySideConversation(ticketId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = (event: React.FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError('Write a reply');
      return;
    }
    setError(null);
    reply.mutate(
      { id: conversation.id, body: body.trim() },
      {
        onSuccess: () => setBody(''),
        onError: (e) => setError(e instanceof Error ? e.message : String(e)),
      },
    );
  };
  return (
    <Card withBorder p="sm" component="article" aria-label={`Side conversation: ${conversation.subject}`}>
      <Stack gap="sm">
        <Stack gap={0}>
          <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {conversation.subject}
          </Text>
          <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            With {conversation.to.join(', ')}
          </Text>
        </Stack>
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {conversation.messages.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
        </Stack>
        <form onSubmit={send} noValidate>
          <Stack gap={6}>
            <Textarea
              aria-label={`Reply to ${conversation.to.join(', ')}`}
              placeholder="Reply to the third party"
              autosize
              minRows={2}
              value={body}
              error={error}
              disabled={disabled}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" variant="light" loading={reply.isPending} disabled={disabled}>
                Send reply
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

/**
 * Mail with third parties about the ticket (a supplier, another department): kept on the
 * ticket, never shown to the customer.
 */
export function SideConversations({ ticketId, disabled }: { ticketId: number; disabled: boolean }) {
  const list = useSideConversations(ticketId);
  const [starting, setStarting] = useState(false);
  if (list.isPending) return <LoadingState variant="block" label="Loading side conversations" />;
  if (list.isError)
    return (
      <ErrorState
        error={list.error}
        title="The side conversations could not be loaded"
        onRetry={() => void list.refetch()}
      />
    );
  const items = list.data.items;
  return (
    <Stack gap="md" component="section" aria-label="Side conversations">
      <Text fz="xs" c="dimmed">
        Mail with a supplier or another department. The customer never sees it.
      </Text>
      {starting ? (
        <StartForm ticketId={ticketId} onDone={() => setStarting(false)} />
      ) : (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            disabled={disabled}
            onClick={() => setStarting(true)}
          >
            Start a side conversation
          </Button>
        </Group>
      )}
      {items.length === 0 && !starting ? (
        <EmptyState size="sm" title="No side conversations yet" />
      ) : (
        items.map((c) => (
          <ConversationCard key={c.id} ticketId={ticketId} conversation={c} disabled={disabled} />
        ))
      )}
    </Stack>
  );
}
