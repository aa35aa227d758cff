import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api';
import { portalSite, usePageTitle } from '../../app/title';
import { LoadingState } from '../../components/LoadingState';
import { PortalFrame } from './PortalFrame';
import { useRedeemMagicLink } from './portal.queries';

const needsCode = (error: unknown) => error instanceof ApiError && error.code === 'TOTP_REQUIRED';

/**
 * Where the emailed sign-in link lands: signs the customer in and opens their requests. A
 * customer with two-factor on gives the code from their app first.
 */
export function MagicLinkPage() {
  usePageTitle('Signing in', portalSite);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const redeem = useRedeemMagicLink();
  const started = useRef(false);
  const [askCode, setAskCode] = useState(false);

  const signIn = (totp?: string) =>
    redeem.mutate(
      { token, totp },
      {
        onSuccess: (me) => navigate(me?.role === 'customer' ? '/portal' : '/', { replace: true }),
        onError: (error) => {
          if (needsCode(error)) setAskCode(true);
        },
      },
    );

  useEffect(() => {
    if (started.current || token.length < 20) return;
    started.current = true;
    signIn();
  });

  const invalid = token.length < 20;
  return (
    <PortalFrame>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        {askCode ? (
          <CodeForm
            pending={redeem.isPending}
            error={redeem.isError && !needsCode(redeem.error) ? errorMessage(redeem.error) : null}
            onSubmit={signIn}
          />
        ) : invalid || redeem.isError ? (
          <Stack gap="md">
            <Alert
              color="orange"
              icon={<IconAlertCircle size={18} />}
              title="This sign-in link doesn't work"
              role="alert"
            >
              {invalid
                ? 'The link is incomplete. Open it straight from the email, or ask for a new one.'
                : `${errorMessage(redeem.error)} Links work once and for a short time; ask for a new one.`}
            </Alert>
            <Button component={Link} to="/portal/login">
              Get a new sign-in link
            </Button>
          </Stack>
        ) : (
          <Stack gap="sm" align="center">
            <LoadingState variant="block" label="Signing you in" />
            <Text c="dimmed" fz="sm">
              Signing you in…
            </Text>
          </Stack>
        )}
      </Paper>
    </PortalFrame>
  );
}

function CodeForm({
  pending,
  error,
  onSubmit,
}: {
  pending: boolean;
  error: string | null;
  onSubmit: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSubmit(code);
    setCode('');
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Two-factor code">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h3">
            Enter your code
          </Title>
          <Text c="dimmed" fz="sm">
            Your account has two-factor sign-in on. Open your authenticator app and enter the six-digit code
            for Steward.
          </Text>
        </Stack>
        {error && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title="That code did not work" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          autoFocus
          value={code}
          error={invalid ? 'Enter the six-digit code from your app' : null}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" fullWidth loading={pending}>
          Verify and sign in
        </Button>
      </Stack>
    </form>
  );
}
