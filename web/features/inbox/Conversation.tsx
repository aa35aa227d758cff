import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock, IconMessageCircle, IconPhone, IconRobot, IconWalk } from '@tabler/icons-react';
import type { Message } from '../../../contracts/tickets';
import { AttachmentList } from '../../components/AttachmentList';
import { EmptyState } from '../../components/EmptyState';
import { MessageBody } from '../../components/MessageBody';
import { RelativeTime } from '../../components/RelativeTime';
import { UserAvatar } from '../../components/UserAvatar';
import { MailAuthentication } from '../mail/MailAuthentication';
import { DeliveryLine, MailAddressLine, MailFooter } from '../mail/MessageMail';
import { isAutomatedMail } from '../mail/mailMeta';

const outcomeLabels: Record<string, string> = {
  resolved: 'Resolved',
  follow_up: 'Follow-up needed',
  escalated: 'Escalated',
  no_answer: 'No answer',
  information_given: 'Information given',
};

const contactLabels: Partial<Record<Message['kind'], string>> = {
  call: 'Phone call',
  visit: 'Visit',
  contact: 'Other contact',
};
const contactIcons = { call: IconPhone, visit: IconWalk, contact: IconMessageCircle };
const isContact = (kind: Message['kind']): kind is keyof typeof contactIcons => kind in contactIcons;

function contactSummary(message: Message): string {
  const parts = [contactLabels[message.kind] ?? 'Contact'];
  const minutes = message.meta.durationMinutes;
  if (typeof minutes === 'number') parts.push(`${minutes} min`);
  const outcome = message.meta.outcome;
  if (typeof outcome === 'string') parts.push(outcomeLabels[outcome] ?? outcome);
  return parts.join(' · ');
}

interface Look {
  label: string;
  background?: string;
  border: string;
}

function lookOf(message: Message): Look {
  switch (message.kind) {
    case 'note':
      return {
        label: 'Internal note',
        background: 'var(--steward-note-bg)',
        border: '1px solid var(--steward-note-border)',
      };
    case 'reply':
      return {
        label: 'Reply',
        background: 'var(--steward-reply-bg)',
        border: '1px solid var(--mantine-color-default-border)',
      };
    case 'call':
    case 'visit':
    case 'contact':
      return {
        label: contactSummary(message),
        background: 'var(--steward-contact-bg)',
        border: '1px solid var(--mantine-color-default-border)',
      };
    default:
      return { label: 'Customer', border: '1px solid var(--mantine-color-default-border)' };
  }
}

function ContactBadge({ kind, label }: { kind: keyof typeof contactIcons; label: string }) {
  const Icon = contactIcons[kind];
  return (
    <Badge size="sm" variant="light" color="teal" tt="none" leftSection={<Icon size={12} />}>
      {label}
    </Badge>
  );
}

function MessageItem({ message }: { message: Message }) {
  if (message.kind === 'system') {
    return (
      <Box ta="center" c="dimmed" px="xl" aria-label="System message" component="article">
        <MessageBody html={message.html} />
        <RelativeTime value={message.createdAt} fz="xs" c="dimmed" />
      </Box>
    );
  }
  const look = lookOf(message);
  const fromCustomer = message.kind === 'customer';
  return (
    <Paper
      component="article"
      aria-label={`${look.label} from ${message.author.name}`}
      data-kind={message.kind}
      p="md"
      radius="md"
      ml={fromCustomer ? 0 : 'xl'}
      mr={fromCustomer ? 'xl' : 0}
      style={{ background: look.background, border: look.border }}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <UserAvatar name={message.author.name} size="sm" />
              <Text fz="sm" fw={600} truncate="end">
                {message.author.name}
              </Text>
              {message.kind === 'note' ? (
                <Badge
                  size="sm"
                  variant="filled"
                  color="yellow"
                  c="dark"
                  tt="none"
                  leftSection={<IconLock size={12} />}
                >
                  Internal note
                </Badge>
              ) : isContact(message.kind) ? (
                <ContactBadge kind={message.kind} label={look.label} />
              ) : isAutomatedMail(message.meta) ? (
                <Badge
                  size="sm"
                  variant="light"
                  color="gray"
                  tt="none"
                  leftSection={<IconRobot size={12} />}
                  style={{ flexShrink: 0 }}
                >
                  Automatic reply
                </Badge>
              ) : (
                <Text fz="xs" c="dimmed">
                  {fromCustomer ? 'Customer' : 'Reply to customer'}
                </Text>
              )}
            </Group>
            <RelativeTime value={message.createdAt} fz="xs" c="dimmed" style={{ flexShrink: 0 }} />
          </Group>
          <MailAddressLine message={message} pl={38} />
          <MailAuthentication message={message} pl={38} />
        </Stack>
        <MessageBody html={message.html} />
        <AttachmentList attachments={message.attachments} />
        <MailFooter message={message} />
        <DeliveryLine delivery={message.delivery} />
      </Stack>
    </Paper>
  );
}

export function Conversation({ messages }: { messages: Message[] }) {
  if (messages.length === 0) {
    return <EmptyState size="sm" title="No messages yet" description="Write the first reply below." />;
  }
  return (
    <Stack gap="md" aria-label="Conversation">
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} />
      ))}
    </Stack>
  );
}
