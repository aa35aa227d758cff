import { Alert, Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { MailSettings } from '../../../contracts/mail';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { useMailSettings, useUpdateMailSettings } from './mail.queries';

const MIN = 1;
const MAX = 10_000;

export function LoopGuardCard() {
  const settings = useMailSettings();
  return (
    <SectionCard
      title="Loop guard"
      description="When one sender writes more often than this within an hour, further mail goes to Spam. This stops two auto-responders from writing to each other forever."
    >
      {settings.isPending ? (
        <LoadingState variant="block" label="Loading mail settings" />
      ) : settings.isError ? (
        <ErrorState
          error={settings.error}
          title="Mail settings could not be loaded"
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <LoopGuardForm settings={settings.data} />
      )}
    </SectionCard>
  );
}

function LoopGuardForm({ settings }: { settings: MailSettings }) {
  const update = useUpdateMailSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ senderLimitPerHour: number | string }>({
    initialValues: { senderLimitPerHour: settings.senderLimitPerHour },
    validate: {
      senderLimitPerHour: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= MIN && value <= MAX
          ? null
          : `From ${MIN} to ${MAX.toLocaleString()} messages`,
    },
  });
  const current = form.getValues().senderLimitPerHour;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    if (typeof values.senderLimitPerHour !== 'number') return;
    update.mutate(
      { senderLimitPerHour: values.senderLimitPerHour },
      {
        onSuccess: (saved) => {
          form.setInitialValues({ senderLimitPerHour: saved.senderLimitPerHour });
          form.setValues({ senderLimitPerHour: saved.senderLimitPerHour });
          notifySuccess(
            `A sender can now write ${saved.senderLimitPerHour} ${saved.senderLimitPerHour === 1 ? 'message' : 'messages'} an hour before the rest goes to Spam.`,
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
            label="Limit for one sender"
            rightSection="messages / hour"
            rightSectionWidth={120}
            rightSectionPointerEvents="none"
            min={MIN}
            max={MAX}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            hideControls
            w={260}
            {...form.getInputProps('senderLimitPerHour')}
          />
          <Button
            type="submit"
            mt={25}
            loading={update.isPending}
            disabled={current === settings.senderLimitPerHour}
          >
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
