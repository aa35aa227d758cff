import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconRestore } from '@tabler/icons-react';
import { type FocusEvent, useEffect, useRef, useState } from 'react';
import type { MailTemplate } from '../../../contracts/mail';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { confirmAction } from '../../components/ConfirmButton';
import { RelativeTime } from '../../components/RelativeTime';
import { useResetTemplate, useUpdateTemplate } from './mail.queries';
import { PlaceholderChips } from './PlaceholderChips';
import { TemplatePreview } from './TemplatePreview';

interface TemplateValues {
  subject: string;
  body: string;
  enabled: boolean;
}

type TextField = 'subject' | 'body';

/** Subject and body of one template, its placeholders, and a live preview beside them. */
export function TemplateEditor({
  template,
  label,
  onDirtyChange,
}: {
  template: MailTemplate;
  label: string;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const update = useUpdateTemplate();
  const reset = useResetTemplate();
  const [formError, setFormError] = useState<string | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<TextField>('body');
  const form = useForm<TemplateValues>({
    initialValues: { subject: template.subject, body: template.body, enabled: template.enabled },
    validate: {
      subject: (value) => (value.trim() ? null : 'The mail needs a subject'),
      body: (value) => (value.trim() ? null : 'The mail needs a text'),
    },
  });
  const values = form.getValues();
  const dirty =
    values.subject !== template.subject ||
    values.body !== template.body ||
    values.enabled !== template.enabled;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const insert = (name: string) => {
    const field = lastField.current;
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const token = `{{${name}}}`;
    const current = form.getValues()[field];
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? start;
    form.setFieldValue(field, current.slice(0, start) + token + current.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  /** The field's input props, remembering it as the one placeholders go into. */
  const withFocus = (field: TextField) => {
    const props = form.getInputProps(field);
    return {
      ...props,
      onFocus: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        lastField.current = field;
        props.onFocus?.(event);
      },
    };
  };

  const submit = form.onSubmit((v) => {
    setFormError(null);
    update.mutate(
      { key: template.key, body: { subject: v.subject.trim(), body: v.body.trim(), enabled: v.enabled } },
      {
        onSuccess: (saved) =>
          notifySuccess(
            saved.enabled ? `“${label}” mails now use this text.` : `“${label}” mails are no longer sent.`,
            'Template saved',
          ),
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  const askReset = () =>
    confirmAction({
      title: `Reset “${label}” to the default text?`,
      message:
        'Your subject and text are replaced by the ones Steward comes with, and the mail is sent again.',
      confirmLabel: 'Reset to default',
      danger: true,
      onConfirm: () =>
        reset.mutate(template.key, {
          onSuccess: () => notifySuccess(`“${label}” reads as it came with Steward.`, 'Template reset'),
          onError: (error) => notifyError(error),
        }),
    });

  return (
    <SimpleGrid type="container" cols={{ base: 1, '860px': 2 }} spacing="lg" verticalSpacing="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-label={`Edit ${label}`}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Stack gap={2}>
              <Group gap="xs">
                <Title order={2} fz="h4">
                  {label}
                </Title>
                <Badge
                  size="sm"
                  variant="light"
                  color={template.audience === 'agent' ? 'grape' : 'blue'}
                  tt="none"
                >
                  To {template.audience === 'agent' ? 'agents' : 'customers'}
                </Badge>
              </Group>
              <Text fz="sm" c="dimmed">
                {template.description}
              </Text>
              {template.updatedAt && (
                <Text fz="xs" c="dimmed">
                  Edited <RelativeTime value={template.updatedAt} fz="xs" c="dimmed" />
                </Text>
              )}
            </Stack>
            {formError && (
              <Alert color="red" role="alert" title="Not saved">
                {formError}
              </Alert>
            )}
            <Switch
              label="Send this mail"
              description={values.enabled ? undefined : 'Turned off: Steward does not send it'}
              {...form.getInputProps('enabled', { type: 'checkbox' })}
            />
            <TextInput label="Subject" required ref={subjectRef} {...withFocus('subject')} />
            <Textarea
              label="Text"
              description="Markdown: **bold**, _italic_, [link](https://…), lists with -"
              required
              autosize
              minRows={10}
              maxRows={24}
              ref={bodyRef}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              {...withFocus('body')}
            />
            <PlaceholderChips placeholders={template.placeholders} onInsert={insert} />
            <Group justify="space-between" gap="sm">
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconRestore size={16} />}
                onClick={askReset}
                loading={reset.isPending}
                disabled={template.isDefault}
              >
                Reset to default
              </Button>
              <Group gap="sm" ml="auto">
                {dirty && (
                  <Button variant="default" onClick={() => form.reset()}>
                    Undo changes
                  </Button>
                )}
                <Button type="submit" loading={update.isPending} disabled={!dirty}>
                  Save template
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>
      <TemplatePreview templateKey={template.key} subject={values.subject} body={values.body} />
    </SimpleGrid>
  );
}
