import {
  Anchor,
  Checkbox,
  PasswordInput,
  Radio,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Link } from 'react-router';
import type { Mailbox } from '../../../contracts/mail';
import type { MailboxForm } from './mailboxForm';

function describeSmtp(smtp: NonNullable<Mailbox['smtp']>): string {
  const server = smtp.port ? `${smtp.host}:${smtp.port}` : smtp.host;
  return `${smtp.secure ? 'smtps' : 'smtp'}://${smtp.user ? `${smtp.user}@` : ''}${server}`;
}

/** The outgoing server, the signature and the acknowledgment of new requests. */
export function MailboxSendingFields({ form, mailbox }: { form: MailboxForm; mailbox: Mailbox | null }) {
  const values = form.getValues();
  return (
    <Stack gap="sm">
      <Radio.Group
        label="Outgoing server"
        value={values.outbound}
        onChange={(value) => form.setFieldValue('outbound', value === 'own' ? 'own' : 'default')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="default"
            label="Steward's mail server"
            description="Sends through the server set up for Steward (SMTP_URL)"
          />
          <Radio value="own" label="This mailbox's own server" />
        </Stack>
      </Radio.Group>
      {values.outbound === 'own' && (
        <PasswordInput
          label="SMTP server"
          placeholder={mailbox?.smtp ? 'Leave empty to keep' : 'smtps://user:password@smtp.example.com:465'}
          description={
            mailbox?.smtp
              ? `Now ${describeSmtp(mailbox.smtp)}. Leave empty to keep it, or enter a new address with its password.`
              : 'smtp://user:password@host:port, or smtps://… for TLS'
          }
          autoComplete="off"
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the server address' }}
          required={!mailbox?.smtp}
          {...form.getInputProps('smtpUrl')}
        />
      )}
      <Textarea
        label="Signature"
        description="Added below replies from this mailbox as {{mailbox.signature}}"
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('signature')}
      />
      <Switch
        label="Acknowledge new requests"
        description="Answer each new request at once with its ticket number. Automatic mail is never answered."
        {...form.getInputProps('autoAck', { type: 'checkbox' })}
      />
      {values.autoAck && (
        <Stack gap="sm" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
          <Checkbox
            label="Use a text of its own for this mailbox"
            description={
              <Text span fz="xs" c="dimmed">
                Otherwise the{' '}
                <Anchor component={Link} to="/admin/mail/templates?template=ticket_received" fz="xs">
                  Request received template
                </Anchor>{' '}
                is sent.
              </Text>
            }
            {...form.getInputProps('customAck', { type: 'checkbox' })}
          />
          {values.customAck && (
            <>
              <TextInput
                label="Subject"
                placeholder="We received your request [#{{ticket.id}}]"
                required
                {...form.getInputProps('ackSubject')}
              />
              <Textarea
                label="Text"
                description="Markdown, with the placeholders of the Request received template"
                autosize
                minRows={4}
                maxRows={12}
                required
                {...form.getInputProps('ackBody')}
              />
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
