import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type AgentChannel, agentChannels, type CreateTicketBody } from '../../../contracts/tickets';
import { applyServerErrors, looksLikeEmail } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { isTicketPriority, isTicketType, priorityOptions, typeOptions } from '../../app/ticketLabels';
import { RequesterContractNotice } from '../contracts/ContractNotices';
import { useCustomerSearch } from '../customers/customers.queries';
import { useTeamOptions } from '../teams/teams.queries';
import { useCategories } from '../ticket-fields/ticket-fields.queries';
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

/** How the customer got in touch, and what the agent's first message is on each channel. */
const channelChoices: Record<AgentChannel, { label: string; message: string; description: string }> = {
  phone: {
    label: 'Phone',
    message: 'Call summary',
    description: 'What the customer told you on the phone, in Markdown',
  },
  email: {
    label: 'Email',
    message: 'Email to the customer',
    description: 'Sent to the customer by mail when you create the ticket, in Markdown',
  },
  walk_in: {
    label: 'Walk-in',
    message: 'Visit summary',
    description: 'What the customer told you when they came in, in Markdown',
  },
  other: {
    label: 'Other',
    message: 'Contact summary',
    description: 'Where the customer got in touch and what they need, in Markdown',
  },
};
const isAgentChannel = (value: string | null): value is AgentChannel =>
  value !== null && (agentChannels as readonly string[]).includes(value);

interface Values {
  channel: AgentChannel;
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
  categoryId: string | null;
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
  const categories = useCategories();
  const me = useMe();
  const [customerSearch, setCustomerSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(customerSearch, 250);
  const customers = useCustomerSearch(debouncedSearch);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    initialValues: {
      channel: 'phone',
      requesterMode: 'customer',
      requesterId: requester ? String(requester.id) : null,
      email: '',
      name: '',
      subject: '',
      body: '',
      type: 'question',
      priority: 'normal',
      assigneeId: null,
      // The agent's own team's queue, unless they choose another.
      teamId: me.teams[0] ? String(me.teams[0].id) : null,
      categoryId: null,
    },
    validate: {
      requesterId: (value, values) =>
        values.requesterMode === 'customer' && !value ? 'Pick a customer, or enter an email instead' : null,
      email: (value, values) =>
        values.requesterMode === 'email' && !looksLikeEmail(value)
          ? "Enter the requester's email address"
          : null,
      subject: (value) => (value.trim() ? null : 'Give the ticket a subject'),
      body: (value, values) =>
        value.trim()
          ? null
          : values.channel === 'email'
            ? 'Write the email to the customer'
            : 'Write what the customer needs',
    },
  });
  const values = form.getValues();
  const channel = channelChoices[values.channel];
  const categoryOptions = (categories.data ?? [])
    .filter((c) => !c.archived)
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((c) => ({ value: String(c.id), label: c.path }));

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
      message: { body: v.body, attachmentIds: [], author: 'agent' },
      channel: v.channel,
      type: isTicketType(v.type) ? v.type : 'question',
      priority: isTicketPriority(v.priority) ? v.priority : 'normal',
      assigneeId: v.assigneeId ? Number(v.assigneeId) : null,
      teamId: v.teamId ? Number(v.teamId) : null,
      categoryId: v.categoryId ? Number(v.categoryId) : null,
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
        <Stack gap={4}>
          <Text id="new-ticket-channel" fz="sm" fw={500}>
            How did the customer get in touch?
          </Text>
          <SegmentedControl
            aria-labelledby="new-ticket-channel"
            data={agentChannels.map((value) => ({ value, label: channelChoices[value].label }))}
            value={values.channel}
            onChange={(value) => {
              if (isAgentChannel(value)) form.setFieldValue('channel', value);
            }}
          />
        </Stack>
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
            description="Type a name or an email address"
            searchable
            searchValue={customerSearch}
            onSearchChange={setCustomerSearch}
            data={customerOptions}
            filter={({ options }) => options}
            // No list before a search: an open list without options means nothing to a screen reader.
            nothingFoundMessage={debouncedSearch ? 'No customer matches; use “By email”' : undefined}
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
        {values.requesterMode === 'customer' && (
          <RequesterContractNotice customerId={values.requesterId ? Number(values.requesterId) : null} />
        )}
        <TextInput label="Subject" required {...form.getInputProps('subject')} />
        <Textarea
          label={channel.message}
          description={channel.description}
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
            description="Whose queue it reaches"
            data={teams.data ?? []}
            clearable
            {...form.getInputProps('teamId')}
          />
          <Select
            label="Category"
            placeholder="No category"
            data={categoryOptions}
            searchable
            clearable
            nothingFoundMessage="No category by that name"
            {...form.getInputProps('categoryId')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            {values.channel === 'email' ? 'Create and send' : 'Create ticket'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
