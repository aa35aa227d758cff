import { Alert, Button, Group, Modal, NumberInput, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formatMinutes, MAX_TIME_ENTRY_MINUTES, MAX_TIME_ENTRY_NOTE } from '../../../contracts/time-entries';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useLogTime } from './timeEntries.queries';

interface LogTimeModalProps {
  ticketId: number;
  opened: boolean;
  onClose: () => void;
}

/** Logs the time the signed-in person spent on the ticket (handle time). */
export function LogTimeModal({ ticketId, opened, onClose }: LogTimeModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Log time on #${ticketId}`}>
      {opened && <LogTimeForm ticketId={ticketId} onDone={onClose} />}
    </Modal>
  );
}

const isMinutes = (value: number | string): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_TIME_ENTRY_MINUTES;

function LogTimeForm({ ticketId, onDone }: { ticketId: number; onDone: () => void }) {
  const log = useLogTime(ticketId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { minutes: '' as number | string, note: '' },
    validate: {
      minutes: (value) =>
        isMinutes(value) ? null : `Whole minutes, from 1 to ${MAX_TIME_ENTRY_MINUTES} (a day)`,
      note: (value) =>
        value.length <= MAX_TIME_ENTRY_NOTE ? null : `At most ${MAX_TIME_ENTRY_NOTE} characters`,
    },
  });
  const minutes = form.getValues().minutes;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    if (!isMinutes(values.minutes)) return;
    const note = values.note.trim();
    log.mutate(
      { minutes: values.minutes, ...(note ? { note } : {}) },
      {
        onSuccess: (entry) => {
          notifySuccess(`${formatMinutes(entry.minutes)} on #${ticketId}.`, 'Time logged');
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
          <Alert color="red" role="alert" title="Time not logged">
            {formError}
          </Alert>
        )}
        <NumberInput
          label="Minutes spent"
          description={
            isMinutes(minutes) && minutes >= 60
              ? `That is ${formatMinutes(minutes)}`
              : 'Whole minutes: 90 for an hour and a half'
          }
          required
          min={1}
          max={MAX_TIME_ENTRY_MINUTES}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          data-autofocus
          {...form.getInputProps('minutes')}
        />
        <Textarea
          label="Note"
          description="What the time went on (optional)"
          autosize
          minRows={2}
          maxLength={MAX_TIME_ENTRY_NOTE}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
