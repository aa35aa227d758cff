import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CreateTicketBody } from '../../../contracts/tickets';
import { applyServerErrors, looksLikeEmail } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { isTicketPriority, isTicketType, priorityOptions, typeOptions } from '../../app/ticketLabels';
import { useCustomerSearch } from '../customers/customers.queries';
import { useTeamOptions } from '../teams/teams.queries';
import { useCreateTicket } from '../tickets/tickets.queries';
import { useStaffOptions } from '../users/users.queries';
import { ticketPath } from './inbox.url';

interface NewTicketModalProps {
  opened: boolean;
  onClose: () => void;
  /** Opens the new ticket in this view afterwards. */
  viewId?: string;
  /** A customer to open the ticket for. */
  requester?: { id: number; name: string };
}

export function NewTicketModal({ opened, onClose, viewId = 'all', requester }: NewTicketModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New ticket" size="lg">
      {opened && <NewTicketForm onDone={onClose} viewId={viewId} requester={requester} />}
    </Modal>
  );
}

interface Values {
  requesterMode: 'customer' | 'email';
  requesterId: string | null;
  email: string;
  name: string;
  subject: string;
  body: string;
  type: string | null;
  priority: string | null;
  assigneeId: string | null;
  teamId: string | null;
}

function NewTicketForm({
  onDone,
  viewId,
  requester,
}: {
  onDone: () => void;
  viewId: string;
  requester?: { id: number; name: string };
}) {
  const navigate = useNavigate();
  const create = useCreateTicket();
  const staff = useStaffOptions();
  const teams = useTeamOptions();
  const [customerSearch, setCustomerSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(customerSearch, 250);
  const customers = useCustomerSearch(debouncedSearch);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    initialValues: {
      requesterMode: 'customer',
      requesterId: requester ? String(requester.id) : null,
      email: '',
      name: '',
      subject: '',
      body: '',
      type: 'question',
      priority: 'normal',
      assigneeId: null,
      teamId: null,
    },
    validate: {
      requesterId: (value, values) =>
        values.requesterMode === 'customer' && !value ? 'Pick a customer, or enter an email instead' : null,
      email: (value, values) =>
        values.requesterMode === 'email' && !looksLikeEmail(value)
          ? "Enter the requester's email address"
          : null,
      subject: (value) => (value.trim() ? null : 'Give the ticket a subject'),
      body: (value) => (value.trim() ? null : 'Write what the customer needs'),
    },
  });
  const values = form.getValues();

  const customerOptions = [
    ...(requester ? [{ value: String(requester.id), label: requester.name }] : []),
    ...(customers.data?.customers ?? [])
      .filter((c) => c.id !== requester?.id)
      .map((c) => ({ value: String(c.id), label: c.email ? `${c.name} <${c.email}>` : c.name })),
  ];

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const body: CreateTicketBody = {
      subject: v.subject.trim(),
      message: { body: v.body, attachmentIds: [] },
      channel: 'web',
      type: isTicketType(v.type) ? v.type : 'question',
      priority: isTicketPriority(v.priority) ? v.priority : 'normal',
      assigneeId: v.assigneeId ? Number(v.assigneeId) : null,
      teamId: v.teamId ? Number(v.teamId) : null,
      ...(v.requesterMode === 'customer'
        ? { requesterId: Number(v.requesterId) }
        : { requester: { email: v.email.trim(), name: v.name.trim() || undefined } }),
    };
    create.mutate(body, {
      onSuccess: (ticket) => {
        notifySuccess(`#${ticket.id} “${ticket.subject}” is open.`, 'Ticket created');
        onDone();
        navigate(ticketPath(viewId, ticket.id));
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="The ticket was not created">
            {formError}
          </Alert>
        )}
        <SegmentedControl
          aria-label="Requester"
          data={[
            { value: 'customer', label: 'Existing customer' },
            { value: 'email', label: 'By email' },
          ]}
          value={values.requesterMode}
          onChange={(value) => form.setFieldValue('requesterMode', value === 'email' ? 'email' : 'customer')}
        />
        {values.requesterMode === 'customer' ? (
          <Select
            label="Customer"
            placeholder="Search by name or email"
            searchable
            searchValue={customerSearch}
            onSearchChange={setCustomerSearch}
            data={customerOptions}
            filter={({ options }) => options}
            nothingFoundMessage={debouncedSearch ? 'No customer matches; use “By email”' : 'Type to search'}
            required
            data-autofocus
            {...form.getInputProps('requesterId')}
          />
        ) : (
          <SimpleGrid cols={2}>
            <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
            <TextInput label="Name" {...form.getInputProps('name')} />
          </SimpleGrid>
        )}
        <TextInput label="Subject" required {...form.getInputProps('subject')} />
        <Textarea
          label="Message"
          description="What the customer needs, in Markdown"
          required
          autosize
          minRows={4}
          maxRows={12}
          {...form.getInputProps('body')}
        />
        <SimpleGrid cols={2}>
          <Select label="Type" data={typeOptions} allowDeselect={false} {...form.getInputProps('type')} />
          <Select
            label="Priority"
            data={priorityOptions}
            allowDeselect={false}
            {...form.getInputProps('priority')}
          />
          <Select
            label="Assignee"
            placeholder="Unassigned"
            data={(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
            searchable
            clearable
            nothingFoundMessage="Nobody by that name"
            {...form.getInputProps('assigneeId')}
          />
          <Select
            label="Team"
            placeholder="No team"
            data={teams.data ?? []}
            clearable
            {...form.getInputProps('teamId')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create ticket
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
