import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import type { CustomField } from '../../../contracts/tickets';

type FieldValue = string | number | boolean | null;

interface CustomFieldInputProps {
  field: CustomField;
  value: FieldValue | undefined;
  onSave: (value: FieldValue) => void;
  disabled?: boolean;
}

/** One custom field of a ticket; text and numbers save when you leave the box. */
export function CustomFieldInput({ field, value, onSave, disabled }: CustomFieldInputProps) {
  const common = { label: field.label, required: field.required, disabled, size: 'xs' as const };
  switch (field.type) {
    case 'checkbox':
      return (
        <Checkbox
          label={field.label}
          size="xs"
          disabled={disabled}
          checked={value === true}
          onChange={(event) => onSave(event.currentTarget.checked)}
        />
      );
    case 'dropdown':
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onSave(next)}
          clearable={!field.required}
          placeholder="Not set"
        />
      );
    case 'date':
      return (
        <DateInput
          {...common}
          value={typeof value === 'string' && value ? value : null}
          onChange={(next) => onSave(next)}
          valueFormat="D MMM YYYY"
          clearable
          placeholder="Not set"
        />
      );
    case 'number':
      return <NumberField {...common} value={typeof value === 'number' ? value : null} onSave={onSave} />;
    default:
      return <TextField {...common} value={typeof value === 'string' ? value : ''} onSave={onSave} />;
  }
}

interface CommonProps {
  label: string;
  required: boolean;
  disabled?: boolean;
  size: 'xs';
}

function TextField({
  value,
  onSave,
  ...common
}: CommonProps & { value: string; onSave: (v: FieldValue) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      {...common}
      value={text}
      placeholder="Not set"
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={() => {
        if (text.trim() !== value) onSave(text.trim() === '' ? null : text.trim());
      }}
    />
  );
}

function NumberField({
  value,
  onSave,
  ...common
}: CommonProps & { value: number | null; onSave: (v: FieldValue) => void }) {
  const [number, setNumber] = useState<string | number>(value ?? '');
  useEffect(() => setNumber(value ?? ''), [value]);
  return (
    <NumberInput
      {...common}
      value={number}
      placeholder="Not set"
      onChange={setNumber}
      onBlur={() => {
        const next = typeof number === 'number' ? number : null;
        if (next !== value) onSave(next);
      }}
    />
  );
}
