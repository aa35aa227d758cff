import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { portalSite, usePageTitle } from '../../app/title';
import { PortalBackLink } from './PortalBackLink';
import { PortalAttachButton, PortalFileLimits, PortalFileList, usePortalFiles } from './PortalFiles';
import { useCreatePortalRequest, usePortalUploadForNew } from './portal.queries';

export function PortalNewRequestPage() {
  usePageTitle('New request', portalSite);
  const navigate = useNavigate();
  const create = useCreatePortalRequest();
  const upload = usePortalUploadForNew();
  const files = usePortalFiles(upload.mutateAsync);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { subject: '', body: '' },
    validate: {
      subject: (value) => (value.trim() ? null : 'Tell us in a few words what it is about'),
      body: (value) => (value.trim() ? null : 'Tell us how we can help'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { subject: values.subject.trim(), body: values.body.trim(), attachmentIds: files.ids },
      {
        onSuccess: (detail) => {
          notifySuccess("Thanks — we'll get back to you soon.", 'Request sent');
          navigate(`/portal/requests/${detail.id}`);
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  return (
    <Stack gap="lg">
      <PortalBackLink />
      <Stack gap={4}>
        <Title order={1} fz="h2">
          New request
        </Title>
        <Text c="dimmed">Tell us what you need. We answer here and by email.</Text>
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate aria-label="New request">
          <Stack gap="md">
            {formError && (
              <Alert color="red" role="alert" title="Your request was not sent">
                {formError}
              </Alert>
            )}
            <TextInput
              label="Subject"
              placeholder="e.g. I can't download my invoice"
              required
              {...form.getInputProps('subject')}
            />
            <Textarea
              label="How can we help?"
              description="The more you tell us, the faster we can help: what happened, and what you expected."
              required
              autosize
              minRows={6}
              maxRows={16}
              {...form.getInputProps('body')}
            />
            <PortalFileList files={files} />
            <Group justify="space-between" wrap="nowrap">
              <PortalAttachButton files={files} />
              <Button type="submit" loading={create.isPending} disabled={files.uploading > 0}>
                Send request
              </Button>
            </Group>
            <PortalFileLimits />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
