import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api';
import { LoadingState } from '../../components/LoadingState';
import { PortalFrame } from './PortalFrame';
import { useRedeemMagicLink } from './portal.queries';

/** Where the emailed sign-in link lands: signs the customer in and opens their requests. */
export function MagicLinkPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const redeem = useRedeemMagicLink();
  const started = useRef(false);

  useEffect(() => {
    if (started.current || token.length < 20) return;
    started.current = true;
    redeem.mutate(token, {
      onSuccess: (me) => navigate(me?.role === 'customer' ? '/portal' : '/', { replace: true }),
    });
  }, [token, redeem, navigate]);

  const invalid = token.length < 20;
  return (
    <PortalFrame>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        {invalid || redeem.isError ? (
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
