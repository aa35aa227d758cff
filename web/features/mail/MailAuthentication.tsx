import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type EmailAuthentication, emailAuthenticationSchema } from '../../../contracts/mail';
import type { Message } from '../../../contracts/tickets';

/** What the receiving mail server said about the sender, when the message came by mail and it said anything. */
export function emailAuthentication(meta: Record<string, unknown>): EmailAuthentication | null {
  const email = meta.email;
  if (typeof email !== 'object' || email === null || !('authentication' in email)) return null;
  const parsed = emailAuthenticationSchema.safeParse(email.authentication);
  return parsed.success ? parsed.data : null;
}

const labels = [
  ['spf', 'SPF'],
  ['dkim', 'DKIM'],
  ['dmarc', 'DMARC'],
] as const;

/** "SPF pass · DKIM pass · DMARC fail", and a warning when DMARC failed for the sender's domain. */
export function MailAuthentication({ message, pl }: { message: Message; pl?: number }) {
  const auth = emailAuthentication(message.meta);
  if (!auth) return null;
  const line = labels
    .filter(([key]) => auth[key] !== null)
    .map(([key, label]) => `${label} ${auth[key]}`)
    .join(' · ');
  return (
    <>
      <Text fz="xs" c="dimmed" pl={pl}>
        {line}
      </Text>
      {auth.suspicious && (
        <Alert
          color="orange"
          variant="light"
          p="xs"
          ml={pl}
          icon={<IconAlertTriangle size={16} />}
          title="This mail may not be from its sender"
        >
          <Text fz="xs">
            It failed DMARC for the sender's domain, so the address in From may be forged. Do not send
            anything private on its word; the addresses it put in copy are only suggestions.
          </Text>
        </Alert>
      )}
    </>
  );
}
