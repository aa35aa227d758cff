import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useAddMailRule } from './mail.queries';

interface RuleValues {
  kind: 'block_sender' | 'header';
  header: string;
  pattern: string;
  note: string;
}

const kindOptions = [
  { value: 'block_sender', label: 'Blocked sender' },
  { value: 'header', label: 'Header check' },
];

const blank: RuleValues = { kind: 'block_sender', header: 'x-spam-flag', pattern: '', note: '' };

/** Adds a spam rule in one line. */
export function SpamRuleForm() {
  const add = useAddMailRule();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RuleValues>({
    initialValues: blank,
    validate: {
      pattern: (value, values) =>
        value.trim()
          ? null
          : values.kind === 'header'
            ? 'Enter the text the header contains'
            : 'Enter an address or a domain',
      header: (value, values) =>
        values.kind !== 'header' || /^[A-Za-z0-9-]{1,80}$/.test(value.trim())
          ? null
          : 'A header name, e.g. X-Spam-Flag',
    },
  });
  const values = form.getValues();
  const header = values.kind === 'header';

  const submit = form.onSubmit((v) => {
    setFormError(null);
    add.mutate(
      {
        kind: v.kind,
        header: v.kind === 'header' ? v.header.trim() : null,
        pattern: v.pattern.trim(),
        note: v.note.trim(),
      },
      {
        onSuccess: (rule) => {
          notifySuccess(
            rule.kind === 'header'
              ? `Mail whose ${rule.header} header contains “${rule.pattern}” now goes to Spam.`
              : `Mail from ${rule.pattern} now goes to Spam.`,
            'Rule added',
          );
          form.setValues({ ...blank, kind: v.kind, header: v.header });
          form.resetDirty();
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add a spam rule">
      {formError && (
        <Alert color="red" role="alert" title="Not added" mb="sm">
          {formError}
        </Alert>
      )}
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Rule"
          data={kindOptions}
          allowDeselect={false}
          value={values.kind}
          onChange={(value) => form.setFieldValue('kind', value === 'header' ? 'header' : 'block_sender')}
          w={170}
        />
        {header && <TextInput label="Header" w={150} ff="monospace" {...form.getInputProps('header')} />}
        <TextInput
          label={header ? 'Contains' : 'Sender or domain'}
          placeholder={header ? 'yes' : '@spam.example or an address'}
          w={header ? 140 : 280}
          {...form.getInputProps('pattern')}
        />
        <TextInput
          label="Note"
          placeholder="Why, for your colleagues"
          style={{ flexGrow: 1 }}
          miw={180}
          {...form.getInputProps('note')}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={add.isPending}>
          Add rule
        </Button>
      </Group>
    </form>
  );
}
