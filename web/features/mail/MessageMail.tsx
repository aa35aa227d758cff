import { Anchor, Group, List, Loader, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconDownload,
  IconFileOff,
  IconFileText,
} from '@tabler/icons-react';
import type { Delivery } from '../../../contracts/mail';
import type { Message } from '../../../contracts/tickets';
import { emailMeta, hasOriginalMail, originalMailUrl, refusedAttachments, reusedMessageId } from './mailMeta';

/** The addresses of a message that came by mail, or of the mail an agent's reply went out as. */
function addressParts(message: Message): [string, string][] | null {
  const email = emailMeta(message.meta);
  if (email)
    return [
      ['From', email.from],
      ['To', email.to.join(', ')],
      ['Cc', email.cc.join(', ')],
    ];
  const sent = message.recipients;
  if (!sent) return null;
  return [
    ['To', sent.to.join(', ')],
    ['Cc', sent.cc.join(', ')],
    ['Bcc', sent.bcc.join(', ')],
  ];
}

/** "From … · To … · Cc …" of a message that came by mail; "To … · Cc … · Bcc …" of a reply. */
export function MailAddressLine({ message, pl }: { message: Message; pl?: number }) {
  const parts = addressParts(message);
  if (!parts) return null;
  return (
    <Text
      fz="xs"
      c="dimmed"
      pl={pl}
      style={{ overflowWrap: 'anywhere' }}
      aria-label={message.recipients ? 'Recipients' : undefined}
    >
      {parts
        .filter(([, value]) => value)
        .map(([label, value], index) => (
          <span key={label}>
            {index > 0 && ' · '}
            <Text span fz="xs" fw={600} c="dimmed">
              {label}
            </Text>{' '}
            {value}
          </span>
        ))}
    </Text>
  );
}

/** Refused files with the same name and reason once each, with how often they came. */
function distinctRefusals<F extends { filename: string; reason: string }>(files: F[]) {
  const seen = new Map<string, { file: F; times: number }>();
  for (const file of files) {
    const key = `${file.filename}|${file.reason}`;
    const entry = seen.get(key);
    if (entry) entry.times += 1;
    else seen.set(key, { file, times: 1 });
  }
  return [...seen.values()];
}

/** Files of the mail that were not kept, and a link to the mail as it arrived. */
export function MailFooter({ message }: { message: Message }) {
  const refused = refusedAttachments(message.meta);
  const original = hasOriginalMail(message.meta);
  const reused = reusedMessageId(message.meta);
  if (refused.length === 0 && !original && !reused) return null;
  return (
    <Stack gap={6}>
      {reused && (
        <Group gap={4} wrap="nowrap" c="dimmed" role="note">
          <IconCopy size={14} aria-hidden style={{ flexShrink: 0 }} />
          <Text fz="xs" c="inherit">
            This mail carried the Message-ID of an earlier, different mail. It was kept as a message of its
            own.
          </Text>
        </Group>
      )}
      {refused.length > 0 && (
        <Stack gap={2} c="var(--steward-warning-text)" role="note" aria-label="Attachments not kept">
          <Group gap={4} wrap="nowrap">
            <IconFileOff size={14} aria-hidden />
            <Text fz="xs" fw={600} c="inherit">
              {refused.length === 1
                ? 'One attachment was not kept'
                : `${refused.length} attachments were not kept`}
            </Text>
          </Group>
          <List size="xs" c="inherit" withPadding spacing={0}>
            {distinctRefusals(refused).map(({ file, times }) => (
              <List.Item key={`${file.filename}|${file.reason}`}>
                <Text span fz="xs" fw={500} c="inherit">
                  {file.filename}
                  {times > 1 ? ` (${times}×)` : ''}
                </Text>
                : {file.reason}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {original && (
        <Group gap={4}>
          <Anchor
            href={originalMailUrl(message.ticketId, message.id)}
            download
            fz="xs"
            c="dimmed"
            display="inline-flex"
            style={{ alignItems: 'center', gap: 4 }}
          >
            <IconDownload size={14} aria-hidden />
            Download original
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}

/** How the mail carrying an agent's reply fared. */
export function DeliveryLine({ delivery }: { delivery: Delivery | null }) {
  if (!delivery) return null;
  const to = delivery.to.join(', ');
  if (delivery.status === 'sent') {
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconCheck size={14} aria-hidden />
        <Text fz="xs" c="inherit" style={{ overflowWrap: 'anywhere' }}>
          Sent to {to}
        </Text>
      </Group>
    );
  }
  if (delivery.status === 'logged') {
    return (
      <Group gap={4} wrap="nowrap" c="var(--steward-warning-text)">
        <IconFileText size={14} aria-hidden />
        <Text fz="xs" c="inherit" style={{ overflowWrap: 'anywhere' }}>
          Logged (no mail server configured){to ? `: not sent to ${to}` : ''}
        </Text>
      </Group>
    );
  }
  if (delivery.status === 'failed') {
    return (
      <Group gap={4} wrap="nowrap" align="flex-start" c="var(--steward-danger-text)">
        <IconAlertTriangle size={14} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text fz="xs" fw={500} c="inherit" style={{ overflowWrap: 'anywhere' }}>
          Not delivered{to ? ` to ${to}` : ''}: {delivery.error ?? 'the mail server refused it'}
        </Text>
      </Group>
    );
  }
  const retrying = delivery.attempts > 0 && delivery.error;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" c={retrying ? 'var(--steward-warning-text)' : 'dimmed'}>
      <Loader size={10} color="currentColor" mt={3} aria-hidden />
      <Text fz="xs" c="inherit" style={{ overflowWrap: 'anywhere' }}>
        {retrying ? `Not sent yet, trying again (${delivery.error})` : `Sending${to ? ` to ${to}` : ''}…`}
      </Text>
    </Group>
  );
}
