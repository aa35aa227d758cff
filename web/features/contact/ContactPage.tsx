import {
  Alert,
  Box,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { routes } from '../../../contracts/api';
import { api, isApiError } from '../../app/api';
import { applyServerErrors, looksLikeEmail } from '../../app/forms';
import { portalSite, usePageTitle } from '../../app/title';

interface ContactBody {
  name: string;
  email: string;
  subject: string;
  message: string;
  website: string;
}

/** Fields only robots fill in: hidden from people and from screen readers, and out of the tab order. */
const honeypotStyle = {
  position: 'absolute',
  left: '-10000px',
  top: 'auto',
  width: 1,
  height: 1,
  overflow: 'hidden',
} as const;

/** The public contact form: no sign-in, minimal chrome, fit for an iframe on another site. */
export function ContactPage() {
  usePageTitle('Contact us', portalSite);
  const send = useMutation({
    mutationFn: (body: ContactBody) => api.call(routes.public.contact, { body }),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ContactBody>({
    initialValues: { name: '', email: '', subject: '', message: '', website: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Tell us your name'),
      email: (value) => (looksLikeEmail(value) ? null : 'Enter an email address we can answer'),
      subject: (value) => (value.trim() ? null : 'Tell us in a few words what it is about'),
      message: (value) => (value.trim() ? null : 'Write your message'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    send.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        subject: values.subject.trim(),
        message: values.message.trim(),
        website: values.website,
      },
      {
        onError: (error) =>
          setFailure(
            isApiError(error) && error.status === 429
              ? 'We received several messages from here in a short time. Please wait a few minutes and send again.'
              : applyServerErrors(form, error),
          ),
      },
    );
  });

  return (
    <Box p="md" maw={640} mx="auto" component="main">
      {send.isSuccess ? (
        <Paper withBorder p="xl" radius="md" role="status">
          <Stack gap="sm" align="center" ta="center">
            <IconCircleCheck size={44} stroke={1.5} color="var(--steward-ok-text)" />
            <Title order={1} fz="h3">
              Thank you — we have your message
            </Title>
            <Text c="dimmed">
              We'll answer by email at {form.getValues().email.trim()}. If you write again about this, mention
              your reference:
            </Text>
            <Code fz="md" aria-label="Your reference">
              {send.data.reference}
            </Code>
            <Button
              variant="subtle"
              onClick={() => {
                form.reset();
                send.reset();
              }}
            >
              Send another message
            </Button>
          </Stack>
        </Paper>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Contact us">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={1} fz="h3">
                Contact us
              </Title>
              <Text c="dimmed" fz="sm">
                Send us a message and we'll reply by email.
              </Text>
            </Stack>
            {failure && (
              <Alert
                color="red"
                icon={<IconAlertCircle size={18} />}
                role="alert"
                title="Your message was not sent"
              >
                {failure}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
              <TextInput
                label="Your email"
                type="email"
                autoComplete="email"
                required
                {...form.getInputProps('email')}
              />
            </SimpleGrid>
            <TextInput label="Subject" required {...form.getInputProps('subject')} />
            <Textarea
              label="Message"
              required
              autosize
              minRows={5}
              maxRows={14}
              {...form.getInputProps('message')}
            />
            <div aria-hidden="true" style={honeypotStyle}>
              <label htmlFor="contact-website">Website</label>
              <input
                id="contact-website"
                type="text"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={form.getValues().website}
                onChange={(event) => form.setFieldValue('website', event.currentTarget.value)}
              />
            </div>
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending}>
                Send message
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Box>
  );
}
