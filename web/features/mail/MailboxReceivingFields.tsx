import {
  Alert,
  Group,
  NumberInput,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Mailbox } from '../../../contracts/mail';
import { RelativeTime } from '../../components/RelativeTime';
import type { MailboxForm } from './mailboxForm';

const processedOptions = [
  { value: 'move', label: 'Move it to a folder' },
  { value: 'flag', label: 'Mark it as read and leave it' },
];

/** How mail reaches the mailbox: forwarded to Steward's SMTP listener, or fetched over IMAP. */
export function MailboxReceivingFields({ form, mailbox }: { form: MailboxForm; mailbox: Mailbox | null }) {
  const values = form.getValues();
  const imap = values.inboundMethod === 'imap';
  return (
    <Stack gap="sm">
      <Radio.Group
        label="How mail arrives"
        value={values.inboundMethod}
        onChange={(value) => form.setFieldValue('inboundMethod', value === 'imap' ? 'imap' : 'smtp')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="smtp"
            label="Forwarded to Steward"
            description="Your mail server forwards mail for this address to Steward's SMTP listener"
          />
          <Radio
            value="imap"
            label="Fetched from a mailbox (IMAP)"
            description="Steward signs in to the mailbox and fetches new mail"
          />
        </Stack>
      </Radio.Group>
      {imap && (
        <Stack gap="sm" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
          {mailbox?.imap && <LastPoll imap={mailbox.imap} />}
          <Group grow align="flex-start">
            <TextInput
              label="IMAP server"
              placeholder="imap.example.com"
              required
              {...form.getInputProps('imapHost')}
            />
            <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flexGrow: 0 }}>
              <NumberInput
                label="Port"
                min={1}
                max={65535}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                w={90}
                {...form.getInputProps('imapPort')}
              />
              <Switch
                label="TLS"
                mt={32}
                aria-label="Connect with TLS"
                {...form.getInputProps('imapSecure', { type: 'checkbox' })}
              />
            </Group>
          </Group>
          <Group grow align="flex-start">
            <TextInput label="User name" autoComplete="off" required {...form.getInputProps('imapUser')} />
            <PasswordInput
              label="Password"
              autoComplete="new-password"
              required={!mailbox?.imap}
              placeholder={mailbox?.imap ? 'Leave empty to keep' : undefined}
              {...form.getInputProps('imapPassword')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="Folder to read" required {...form.getInputProps('imapFolder')} />
            <NumberInput
              label="Check every"
              rightSection="sec"
              rightSectionWidth={44}
              rightSectionPointerEvents="none"
              min={10}
              max={3600}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('imapIntervalSeconds')}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="After fetching a message"
              data={processedOptions}
              allowDeselect={false}
              value={values.imapProcessedAction}
              onChange={(value) =>
                form.setFieldValue('imapProcessedAction', value === 'flag' ? 'flag' : 'move')
              }
            />
            {values.imapProcessedAction === 'move' ? (
              <TextInput label="Move to folder" required {...form.getInputProps('imapProcessedFolder')} />
            ) : (
              <div />
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function LastPoll({ imap }: { imap: NonNullable<Mailbox['imap']> }) {
  if (imap.lastError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The last check failed">
        <Text fz="sm">{imap.lastError}</Text>
        {imap.lastPolledAt && (
          <Text fz="xs" c="dimmed" mt={4}>
            Checked <RelativeTime value={imap.lastPolledAt} fz="xs" />
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Text fz="sm" c="dimmed">
      {imap.lastPolledAt ? (
        <>
          Last checked <RelativeTime value={imap.lastPolledAt} />
        </>
      ) : (
        'Not checked yet'
      )}
    </Text>
  );
}
