import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLifebuoy, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api';
import { looksLikeEmail } from '../../app/forms';
import { noteSignedOutOnPurpose, useMeQuery } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useLogin } from './auth.queries';

/** Only same-app paths, so a crafted link can't send people elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

function loginErrorText(error: unknown, codeStep: boolean): { title: string; message: string } {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'INVALID_CREDENTIALS':
        // At the code step the password was already accepted, so a refusal is about the code.
        return {
          title: codeStep ? 'That code did not work' : 'Wrong email or password',
          message: error.message,
        };
      case 'TOTP_INVALID':
        return { title: 'That code did not work', message: error.message };
      case 'RATE_LIMITED':
        return { title: 'Too many attempts', message: error.message };
      case 'VALIDATION_FAILED':
        return { title: 'Check the form', message: error.message };
      default:
        return { title: 'Sign-in failed', message: error.message };
    }
  }
  return { title: 'Sign-in failed', message: errorMessage(error) };
}

export function LoginPage() {
  usePageTitle('Sign in');
  const me = useMeQuery();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useEffect(() => noteSignedOutOnPurpose(false), []);
  if (me.data) return <Navigate to={next} replace />;
  return <LoginForm next={next} />;
}

function LoginForm({ next }: { next: string }) {
  const navigate = useNavigate();
  const login = useLogin();
  const [needsCode, setNeedsCode] = useState(false);
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '', totp: '' },
    validate: {
      email: (value) => (looksLikeEmail(value) ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
      totp: (value) =>
        !needsCode || /^\d{6}$/.test(value) ? null : 'Enter the six-digit code from your app',
    },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    login.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        totp: needsCode ? values.totp : undefined,
      },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') {
            setNeedsCode(true);
            return;
          }
          if (needsCode) form.setFieldValue('totp', '');
          setFailure(loginErrorText(error, needsCode));
        },
      },
    );
  });

  const startOver = () => {
    setNeedsCode(false);
    setFailure(null);
    form.setFieldValue('totp', '');
    form.setFieldValue('password', '');
  };

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={400} gap="lg">
        <Group gap="sm" justify="center">
          <ThemeIcon size={40} radius="md" variant="filled">
            <IconLifebuoy size={24} />
          </ThemeIcon>
          <Title order={1} fz={28}>
            Steward
          </Title>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={submit} noValidate aria-label="Sign in">
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={2} fz="h3">
                  {needsCode ? 'Enter your code' : 'Sign in'}
                </Title>
                <Text c="dimmed" fz="sm">
                  {needsCode
                    ? 'Open your authenticator app and enter the six-digit code for Steward.'
                    : 'Welcome back. Sign in to your help desk.'}
                </Text>
              </Stack>
              {failure && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} title={failure.title} role="alert">
                  {failure.message}
                </Alert>
              )}
              {needsCode ? (
                <TextInput
                  label="Authentication code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder="123456"
                  autoFocus
                  {...form.getInputProps('totp')}
                />
              ) : (
                <>
                  <TextInput
                    label="Email"
                    type="email"
                    autoComplete="username"
                    autoFocus
                    {...form.getInputProps('email')}
                  />
                  <PasswordInput
                    label="Password"
                    autoComplete="current-password"
                    {...form.getInputProps('password')}
                  />
                </>
              )}
              <Button type="submit" fullWidth loading={login.isPending} leftSection={<IconLock size={16} />}>
                {needsCode ? 'Verify and sign in' : 'Sign in'}
              </Button>
              {needsCode && (
                <Anchor component="button" type="button" fz="sm" onClick={startOver} ta="center">
                  Use a different account
                </Anchor>
              )}
            </Stack>
          </form>
        </Paper>
        <Text c="dimmed" fz="xs" ta="center">
          Forgot your password? Ask an administrator to set a new one.
        </Text>
      </Stack>
    </Center>
  );
}
