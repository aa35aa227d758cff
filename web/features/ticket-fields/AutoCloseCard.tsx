import { Alert, Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { TicketSettings } from '../../../contracts/settings';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { useTicketSettings, useUpdateTicketSettings } from './ticket-fields.queries';

const MIN_DAYS = 1;
const MAX_DAYS = 90;

export function AutoCloseCard() {
  const settings = useTicketSettings();
  return (
    <SectionCard
      title="Closing solved tickets"
      description="Solved tickets close on their own after this many days; a reply after that opens a follow-up."
    >
      {settings.isPending ? (
        <LoadingState variant="block" label="Loading ticket settings" />
      ) : settings.isError ? (
        <ErrorState
          error={settings.error}
          title="Ticket settings could not be loaded"
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <AutoCloseForm settings={settings.data} />
      )}
    </SectionCard>
  );
}

function AutoCloseForm({ settings }: { settings: TicketSettings }) {
  const update = useUpdateTicketSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ autoCloseDays: number | string }>({
    initialValues: { autoCloseDays: settings.autoCloseDays },
    validate: {
      autoCloseDays: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= MIN_DAYS && value <= MAX_DAYS
          ? null
          : `From ${MIN_DAYS} to ${MAX_DAYS} whole days`,
    },
  });
  const current = form.getValues().autoCloseDays;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    if (typeof values.autoCloseDays !== 'number') return;
    update.mutate(
      { autoCloseDays: values.autoCloseDays },
      {
        onSuccess: (saved) => {
          form.setInitialValues({ autoCloseDays: saved.autoCloseDays });
          form.setValues({ autoCloseDays: saved.autoCloseDays });
          notifySuccess(
            `Solved tickets now close after ${saved.autoCloseDays} ${saved.autoCloseDays === 1 ? 'day' : 'days'}.`,
            'Setting saved',
          );
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <Group align="flex-start" gap="sm">
          <NumberInput
            label="Close solved tickets after"
            rightSection="days"
            rightSectionWidth={52}
            rightSectionPointerEvents="none"
            min={MIN_DAYS}
            max={MAX_DAYS}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            hideControls
            w={220}
            {...form.getInputProps('autoCloseDays')}
          />
          <Button
            type="submit"
            mt={25}
            loading={update.isPending}
            disabled={current === settings.autoCloseDays}
          >
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
