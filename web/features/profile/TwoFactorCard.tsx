import {
  Alert,
  Badge,
  Button,
  Group,
  Image,
  List,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { Me, TwoFactorSetup } from '../../../contracts/auth';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { CopyField } from '../../components/CopyField';
import { SectionCard } from '../../components/SectionCard';
import { useDisableTwoFactor, useEnableTwoFactor, useStartTwoFactor } from './profile.queries';

export function TwoFactorCard({ me }: { me: Me }) {
  return (
    <SectionCard
      title="Two-factor sign-in"
      description="A code from an authenticator app, asked for after your password."
      actions={
        <Badge color={me.twoFactorEnabled ? 'teal' : 'gray'} variant="light">
          {me.twoFactorEnabled ? 'On' : 'Off'}
        </Badge>
      }
    >
      {me.twoFactorEnabled ? <DisableTwoFactor /> : <EnableTwoFactor />}
    </SectionCard>
  );
}

function EnableTwoFactor() {
  const start = useStartTwoFactor();
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);

  if (!setup) {
    return (
      <Stack gap="md" align="flex-start">
        <Text fz="sm">
          Even if someone learns your password, they can't sign in without your phone. Recommended for
          everyone, and especially for admins.
        </Text>
        <Button
          leftSection={<IconShieldLock size={16} />}
          loading={start.isPending}
          onClick={() =>
            start.mutate(undefined, { onSuccess: setSetup, onError: (error) => notifyError(error) })
          }
        >
          Set up two-factor
        </Button>
      </Stack>
    );
  }
  return <ConfirmTwoFactor setup={setup} onCancel={() => setSetup(null)} />;
}

function ConfirmTwoFactor({ setup, onCancel }: { setup: TwoFactorSetup; onCancel: () => void }) {
  const enable = useEnableTwoFactor();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value) ? null : 'Enter the six-digit code from the app') },
  });
  const submit = form.onSubmit(({ code }) => {
    setFormError(null);
    enable.mutate(code, {
      onSuccess: () =>
        notifySuccess('You will be asked for a code when you sign in.', 'Two-factor sign-in is on'),
      onError: (error) => setFormError(applyServerErrors(form, error, { TOTP_INVALID: 'code' })),
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Set up two-factor sign-in">
      <Stack gap="md">
        <List type="ordered" fz="sm" spacing={4}>
          <List.Item>Open an authenticator app (1Password, Google Authenticator, Authy…).</List.Item>
          <List.Item>Scan the QR code, or type the setup key.</List.Item>
          <List.Item>Enter the six-digit code the app shows.</List.Item>
        </List>
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <Paper withBorder p={6} radius="md" bg="white" style={{ flexShrink: 0 }}>
            <Image src={setup.qrCodeDataUrl} alt="QR code for your authenticator app" w={160} h={160} />
          </Paper>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            <Text fz="sm" fw={500}>
              Setup key
            </Text>
            <CopyField value={setup.secret} label="setup key" />
          </Stack>
        </Group>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Six-digit code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          w={200}
          {...form.getInputProps('code')}
        />
        <Group gap="sm">
          <Button type="submit" leftSection={<IconShieldCheck size={16} />} loading={enable.isPending}>
            Turn on two-factor
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisableTwoFactor() {
  const disable = useDisableTwoFactor();
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : 'Enter your password') },
  });
  const submit = form.onSubmit(({ password }) => {
    setFormError(null);
    disable.mutate(password, {
      onSuccess: () => notifySuccess('You sign in with your password only.', 'Two-factor sign-in is off'),
      onError: (error) =>
        setFormError(
          applyServerErrors(form, error, { PASSWORD_INCORRECT: 'password', INVALID_CREDENTIALS: 'password' }),
        ),
    });
  });

  if (!confirming) {
    return (
      <Stack gap="md" align="flex-start">
        <Text fz="sm">Your account asks for a code from your authenticator app each time you sign in.</Text>
        <Button variant="light" color="red" onClick={() => setConfirming(true)}>
          Turn off two-factor
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Turn off two-factor sign-in">
      <Stack gap="md">
        <Text fz="sm">Confirm with your password. Your account will be easier to break into.</Text>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          data-autofocus
          {...form.getInputProps('password')}
        />
        <Group gap="sm">
          <Button type="submit" color="red" loading={disable.isPending}>
            Turn off
          </Button>
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              setConfirming(false);
            }}
          >
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
