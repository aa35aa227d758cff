import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconKey, IconMail, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api';
import { looksLikeEmail } from '../../app/forms';
import { useMeQuery } from '../../app/session';
import { portalSite, usePageTitle } from '../../app/title';
import { useLogin } from '../auth/auth.queries';
import { PortalFrame } from './PortalFrame';
import { useRequestMagicLink } from './portal.queries';

/** Only portal paths, so a crafted link can't send people elsewhere after signing in. */
function portalNext(next: string | null): string {
  return next?.startsWith('/portal') && !next.startsWith('/portal/login') ? next : '/portal';
}

export function PortalSignInPage() {
  usePageTitle('Sign in', portalSite);
  const me = useMeQuery();
  const [params] = useSearchParams();
  const next = portalNext(params.get('next'));
  if (me.data) return <Navigate to={me.data.role === 'customer' ? next : '/'} replace />;
  return (
    <PortalFrame
      footer={
        <>
          No account yet?{' '}
          <Anchor component={Link} to="/contact" fz="xs">
            Write to us
          </Anchor>{' '}
          and we'll get back to you by email.
        </>
      }
    >
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} fz="h3">
              Sign in to see your requests
            </Title>
            <Text c="dimmed" fz="sm">
              Follow your questions to us, and answer ours.
            </Text>
          </Stack>
          <Tabs defaultValue="link">
            <Tabs.List grow>
              <Tabs.Tab value="link" leftSection={<IconMail size={16} />}>
                Email me a sign-in link
              </Tabs.Tab>
              <Tabs.Tab value="password" leftSection={<IconKey size={16} />}>
                Password
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="link" pt="md">
              <MagicLinkForm />
            </Tabs.Panel>
            <Tabs.Panel value="password" pt="md">
              <PasswordForm next={next} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </Paper>
    </PortalFrame>
  );
}

function MagicLinkForm() {
  const request = useRequestMagicLink();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (looksLikeEmail(value) ? null : 'Enter your email address') },
  });

  if (sentTo) {
    return (
      <Stack gap="md" align="center" ta="center" role="status">
        <IconMailCheck size={40} stroke={1.5} color="var(--steward-ok-text)" />
        <Text fw={600}>Check your email</Text>
        <Text fz="sm" c="dimmed">
          If {sentTo} is known to us, a sign-in link is on its way. Open it on this device. It may take a
          minute to arrive; check your spam folder too.
        </Text>
        <Anchor component="button" type="button" fz="sm" onClick={() => setSentTo(null)}>
          Use a different email
        </Anchor>
      </Stack>
    );
  }

  const submit = form.onSubmit((values) => {
    setFailure(null);
    request.mutate(values.email.trim(), {
      onSuccess: () => setSentTo(values.email.trim()),
      onError: (error) => setFailure(errorMessage(error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Email me a sign-in link">
      <Stack gap="md">
        {failure && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            title="We couldn't send the link"
          >
            {failure}
          </Alert>
        )}
        <TextInput label="Your email" type="email" autoComplete="email" {...form.getInputProps('email')} />
        <Button type="submit" fullWidth loading={request.isPending}>
          Email me a link
        </Button>
      </Stack>
    </form>
  );
}

function PasswordForm({ next }: { next: string }) {
  const navigate = useNavigate();
  const login = useLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (looksLikeEmail(value) ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (me) => navigate(me?.role === 'customer' ? next : '/', { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') {
            navigate('/login', { replace: true });
            return;
          }
          setFailure(
            error instanceof ApiError && error.code === 'INVALID_CREDENTIALS'
              ? "That email and password don't match. Try again, or get a sign-in link by email."
              : errorMessage(error),
          );
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in with password">
      <Stack gap="md">
        {failure && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" title="Not signed in">
            {failure}
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="username" {...form.getInputProps('email')} />
        <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
        <Button type="submit" fullWidth loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
