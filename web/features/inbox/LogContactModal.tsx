import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Ticket } from '../../../contracts/tickets';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { type LogContactBody, useLogContact } from '../tickets/tickets.queries';

type Outcome = LogContactBody['outcome'];

const outcomeOptions: { value: Outcome; label: string }[] = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'information_given', label: 'Information given' },
  { value: 'follow_up', label: 'Follow-up needed' },
  { value: 'escalated', label: 'Escalated' },
  { value: 'no_answer', label: 'No answer' },
];

function isOutcome(value: string | null): value is Outcome {
  return outcomeOptions.some((o) => o.value === value);
}

interface LogContactModalProps {
  ticket: Ticket;
  kind: 'call' | 'visit' | null;
  onClose: () => void;
}

/** Puts a phone call or a walk-in visit on the ticket's record. */
export function LogContactModal({ ticket, kind, onClose }: LogContactModalProps) {
  return (
    <Modal opened={kind !== null} onClose={onClose} title={`Log a call or visit on #${ticket.id}`}>
      {kind && <LogContactForm ticket={ticket} initialKind={kind} onDone={onClose} />}
    </Modal>
  );
}

function LogContactForm({
  ticket,
  initialKind,
  onDone,
}: {
  ticket: Ticket;
  initialKind: 'call' | 'visit';
  onDone: () => void;
}) {
  const log = useLogContact();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      kind: initialKind,
      summary: '',
      durationMinutes: 5 as number | string,
      outcome: 'information_given' as string | null,
    },
    validate: {
      summary: (value) => (value.trim() ? null : 'Write what was said'),
      durationMinutes: (value) =>
        typeof value === 'number' && value >= 0 && value <= 1440 ? null : 'Minutes, from 0 to 1440',
      outcome: (value) => (isOutcome(value) ? null : 'Pick how it ended'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    if (!isOutcome(values.outcome)) return;
    log.mutate(
      {
        kind: values.kind,
        ticketId: ticket.id,
        summary: values.summary.trim(),
        durationMinutes: Number(values.durationMinutes),
        outcome: values.outcome,
      },
      {
        onSuccess: () => {
          notifySuccess(
            `It is in the conversation of #${ticket.id}.`,
            values.kind === 'call' ? 'Call logged' : 'Visit logged',
          );
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
          <Alert color="red" role="alert" title="Not logged">
            {formError}
          </Alert>
        )}
        <SegmentedControl
          aria-label="Kind of contact"
          data={[
            { value: 'call', label: 'Phone call' },
            { value: 'visit', label: 'Visit' },
          ]}
          value={form.getValues().kind}
          onChange={(value) => form.setFieldValue('kind', value === 'visit' ? 'visit' : 'call')}
        />
        <Textarea
          label="Summary"
          description="What the customer asked and what you told them (Markdown)"
          required
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps('summary')}
        />
        <Group grow align="flex-start">
          <NumberInput label="Minutes" min={0} max={1440} {...form.getInputProps('durationMinutes')} />
          <Select
            label="Outcome"
            data={outcomeOptions}
            allowDeselect={false}
            {...form.getInputProps('outcome')}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending}>
            Log it
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
