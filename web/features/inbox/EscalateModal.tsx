import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Ticket } from '../../../contracts/tickets';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { isTicketPriority, priorityOptions } from '../../app/ticketLabels';
import { useEscalate } from '../tickets/tickets.queries';
import { useStaffOptions } from '../users/users.queries';

interface EscalateModalProps {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
}

export function EscalateModal({ ticket, opened, onClose }: EscalateModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Escalate #${ticket.id}`}>
      {opened && <EscalateForm ticket={ticket} onDone={onClose} />}
    </Modal>
  );
}

function EscalateForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const escalate = useEscalate(ticket.id);
  const staff = useStaffOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reason: '', escalatedToId: null as string | null, priority: null as string | null },
    validate: { reason: (value) => (value.trim() ? null : 'Say why it needs escalating') },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    escalate.mutate(
      {
        reason: values.reason.trim(),
        escalatedToId: values.escalatedToId ? Number(values.escalatedToId) : null,
        priority: isTicketPriority(values.priority) ? values.priority : undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(`#${ticket.id} is in the Escalated view.`, 'Ticket escalated');
          onDone();
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not escalated">
            {formError}
          </Alert>
        )}
        <Textarea
          label="Reason"
          description="What is wrong, and what you need from whoever picks it up"
          required
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Select
          label="Escalate to"
          placeholder="Anyone (the Escalated view)"
          data={(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name"
          {...form.getInputProps('escalatedToId')}
        />
        <Select
          label="Raise the priority to"
          placeholder="Keep the priority"
          data={priorityOptions}
          clearable
          {...form.getInputProps('priority')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={escalate.isPending}>
            Escalate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
