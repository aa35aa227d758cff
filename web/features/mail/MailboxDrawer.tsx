import { Alert, Button, Drawer, Group, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useRef, useState } from 'react';
import type { Mailbox } from '../../../contracts/mail';
import { notifySuccess } from '../../app/notify';
import { useTeamOptions } from '../teams/teams.queries';
import { useCategories } from '../ticket-fields/ticket-fields.queries';
import { MailboxReceivingFields } from './MailboxReceivingFields';
import { MailboxSendingFields } from './MailboxSendingFields';
import { useSaveMailbox } from './mail.queries';
import {
  applyMailboxErrors,
  createBody,
  initialValues,
  type MailboxValues,
  updateBody,
  validation,
} from './mailboxForm';

interface MailboxDrawerProps {
  opened: boolean;
  /** null adds a new mailbox. */
  mailbox: Mailbox | null;
  /** The first mailbox becomes the default one. */
  isFirst: boolean;
  onClose: () => void;
}

export function MailboxDrawer({ opened, mailbox, isFirst, onClose }: MailboxDrawerProps) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={mailbox ? `Edit ${mailbox.displayName}` : 'New mailbox'}
    >
      {opened && (
        <MailboxForm key={mailbox?.id ?? 'new'} mailbox={mailbox} isFirst={isFirst} onDone={onClose} />
      )}
    </Drawer>
  );
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={3} fz="sm" component="legend" mb="xs" p={0}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function MailboxForm({
  mailbox,
  isFirst,
  onDone,
}: {
  mailbox: Mailbox | null;
  isFirst: boolean;
  onDone: () => void;
}) {
  const save = useSaveMailbox();
  const teams = useTeamOptions();
  const categories = useCategories();
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  /** A long form: whatever went wrong is brought into view. */
  const showProblem = () =>
    requestAnimationFrame(() => {
      const root = formRef.current;
      const alert = root?.querySelector<HTMLElement>('[data-form-error]');
      if (alert) alert.scrollIntoView({ block: 'nearest' });
      else root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  const form = useForm<MailboxValues>({
    initialValues: { ...initialValues(mailbox), ...(mailbox ? {} : { isDefault: isFirst }) },
    validate: validation(mailbox),
  });
  const categoryOptions = (categories.data ?? [])
    .filter((c) => !c.archived || c.id === mailbox?.defaultCategory?.id)
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((c) => ({ value: String(c.id), label: c.path }));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const handlers = {
      onSuccess: (saved: Mailbox) => {
        notifySuccess(`${saved.address} is saved.`, mailbox ? 'Mailbox saved' : 'Mailbox added');
        onDone();
      },
      onError: (error: unknown) => {
        setFormError(applyMailboxErrors(form, error));
        showProblem();
      },
    };
    if (mailbox) save.mutate({ id: mailbox.id, body: updateBody(values, mailbox) }, handlers);
    else save.mutate({ id: null, body: createBody(values) }, handlers);
  }, showProblem);

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="xl">
        {formError && (
          <Alert color="red" role="alert" title="Not saved" data-form-error>
            {formError}
          </Alert>
        )}
        <FormSection title="Address">
          <Group grow align="flex-start">
            <TextInput
              label="Name"
              description="Customers see it as the sender"
              placeholder="Acme Support"
              required
              data-autofocus
              {...form.getInputProps('displayName')}
            />
            <TextInput
              label="Email address"
              description="The address customers write to"
              placeholder="support@example.com"
              type="email"
              required
              {...form.getInputProps('address')}
            />
          </Group>
          <Switch
            label="Default mailbox"
            description="Sends the mail of tickets that did not arrive by mail (portal, phone, web)"
            {...form.getInputProps('isDefault', { type: 'checkbox' })}
          />
        </FormSection>
        <FormSection title="New tickets">
          <Group grow align="flex-start">
            <Select
              label="Team"
              placeholder="No team"
              description="Mail to this address goes to this team"
              data={teams.data ?? []}
              searchable
              clearable
              nothingFoundMessage="No team by that name"
              {...form.getInputProps('defaultTeamId')}
            />
            <Select
              label="Category"
              placeholder="No category"
              description="And gets this category"
              data={categoryOptions}
              searchable
              clearable
              nothingFoundMessage="No category by that name"
              {...form.getInputProps('defaultCategoryId')}
            />
          </Group>
        </FormSection>
        <FormSection title="Receiving">
          <MailboxReceivingFields form={form} mailbox={mailbox} />
        </FormSection>
        <FormSection title="Sending">
          <MailboxSendingFields form={form} mailbox={mailbox} />
        </FormSection>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {mailbox ? 'Save mailbox' : 'Add mailbox'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
