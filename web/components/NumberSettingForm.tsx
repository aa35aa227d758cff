import { Alert, Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { applyServerErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';

export interface NumberSettingFormProps {
  /** The saved value. */
  value: number;
  label: string;
  unit: string;
  unitWidth: number;
  width: number;
  min: number;
  max: number;
  /** Shown when the value is outside min–max or not whole. */
  rangeError: string;
  saving: boolean;
  save(value: number, done: { onSuccess(saved: number): void; onError(error: unknown): void }): void;
  savedMessage(saved: number): string;
}

/** One whole-number setting with its unit, a Save button that wakes when it changed, and errors in place. */
export function NumberSettingForm(props: NumberSettingFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ value: number | string }>({
    initialValues: { value: props.value },
    validate: {
      value: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= props.min && value <= props.max
          ? null
          : props.rangeError,
    },
  });
  const current = form.getValues().value;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    if (typeof values.value !== 'number') return;
    props.save(values.value, {
      onSuccess: (saved) => {
        form.setInitialValues({ value: saved });
        form.setValues({ value: saved });
        notifySuccess(props.savedMessage(saved), 'Setting saved');
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
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
            label={props.label}
            rightSection={props.unit}
            rightSectionWidth={props.unitWidth}
            rightSectionPointerEvents="none"
            styles={{ section: { whiteSpace: 'nowrap' } }}
            min={props.min}
            max={props.max}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            hideControls
            w={props.width}
            {...form.getInputProps('value')}
          />
          <Button type="submit" mt={25} loading={props.saving} disabled={current === props.value}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
