import { Alert, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import {
  IconInfoCircle,
  IconKey,
  IconLogout,
  IconShieldOff,
  IconUserCheck,
  IconUserOff,
  IconUserQuestion,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { User } from '../../../contracts/users';
import { can, canManageAccount } from '../../app/access';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DetailPage, idParam } from '../../components/DetailPage';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/RelativeTime';
import { RoleBadge } from '../../components/RoleBadge';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { UserAvatar } from '../../components/UserAvatar';
import { SetPasswordModal } from './SetPasswordModal';
import { UserFormFields, type UserFormValues, userFormValidation, userFormValues } from './UserFormFields';
import { useResetUserTwoFactor, useSignOutUserEverywhere, useUpdateUser, useUser } from './users.queries';

const usersCrumb = { label: 'Users', to: '/admin/users' };

export function UserDetailPage() {
  const params = useParams();
  const id = idParam(params.id);
  const user = useUser(id ?? 0);
  usePageTitle(user.data?.name ?? 'User');
  return (
    <DetailPage
      query={user}
      validId={id !== null}
      noun="User"
      breadcrumbs={[usersCrumb]}
      notFound={{
        icon: <IconUserQuestion size={28} stroke={1.5} />,
        title: 'There is no user here',
        description: 'The link may be wrong, or the user was removed. Find them in the list of users.',
        action: (
          <Button component={Link} to="/admin/users" variant="default">
            Back to Users
          </Button>
        ),
      }}
    >
      {(data) => <UserDetail user={data} />}
    </DetailPage>
  );
}

function UserDetail({ user }: { user: User }) {
  const me = useMe();
  const canEdit = canManageAccount(me.role, user.role);
  const isSelf = me.id === user.id;

  return (
    <>
      <PageHeader
        breadcrumbs={[usersCrumb, { label: user.name }]}
        leading={<UserAvatar name={user.name} initials={user.initials} size="lg" />}
        title={user.name}
        description={
          <Group gap="xs" component="span">
            <Text span fz="sm" c="dimmed">
              {user.email}
            </Text>
            <RoleBadge role={user.role} />
            <StatusBadge active={user.status === 'active'} inactiveLabel="Deactivated" />
          </Group>
        }
        actions={
          user.role !== 'customer' && (
            <Button component={Link} to={`/scorecards/agents/${user.id}`} variant="default">
              Scorecard
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {!canEdit && (
              <Alert color="blue" icon={<IconInfoCircle size={18} />} title="View only">
                Only admins can change admin and manager accounts.
              </Alert>
            )}
            {user.status === 'deactivated' && (
              <Alert color="gray" icon={<IconUserOff size={18} />} title="This account is deactivated">
                {user.name} can't sign in and is not assigned new work. Reactivate the account to restore
                access.
              </Alert>
            )}
            <UserDetailsForm key={user.updatedAt} user={user} disabled={!canEdit} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <AccountFacts user={user} />
            {canEdit && !isSelf && <AccessActions user={user} />}
            {isSelf && (
              <Alert color="gray" icon={<IconInfoCircle size={18} />}>
                This is you. Change your password, two-factor sign-in and sessions on{' '}
                <Text component={Link} to="/profile" fz="sm" c="indigo" td="underline">
                  your profile
                </Text>
                .
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function UserDetailsForm({ user, disabled }: { user: User; disabled: boolean }) {
  const update = useUpdateUser(user.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UserFormValues>({ initialValues: userFormValues(user), validate: userFormValidation });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        role: values.role,
        timezone: values.timezone,
        skills: values.skills,
        languages: values.languages,
        teamIds: values.teamIds.map(Number),
      },
      {
        onSuccess: (saved) => notifySuccess(`${saved.name}'s details are saved.`, 'Saved'),
        onError: (error) => setFormError(applyServerErrors(form, error, { EMAIL_TAKEN: 'email' })),
      },
    );
  });

  return (
    <SectionCard title="Details" description="Name, contact, role and where they work.">
      <form onSubmit={submit} noValidate aria-label="User details">
        <Stack gap="lg">
          {formError && (
            <Alert color="red" role="alert" title="Not saved">
              {formError}
            </Alert>
          )}
          <UserFormFields form={form} disabled={disabled} />
          {!disabled && (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                Discard changes
              </Button>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                Save changes
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}

function AccountFacts({ user }: { user: User }) {
  return (
    <SectionCard title="Account">
      <Stack gap="xs">
        <Fact label="Status">
          <StatusBadge active={user.status === 'active'} inactiveLabel="Deactivated" />
        </Fact>
        <Fact label="Two-factor sign-in">
          <StatusBadge active={user.twoFactorEnabled} activeLabel="On" inactiveLabel="Off" />
        </Fact>
        <Fact label="Last sign-in">
          <RelativeTime value={user.lastLoginAt} fallback="Never" />
        </Fact>
        <Fact label="Created">
          <RelativeTime value={user.createdAt} />
        </Fact>
        <Fact label="Last changed">
          <RelativeTime value={user.updatedAt} />
        </Fact>
      </Stack>
    </SectionCard>
  );
}

function AccessActions({ user }: { user: User }) {
  const me = useMe();
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const update = useUpdateUser(user.id);
  const resetTwoFactor = useResetUserTwoFactor(user.id);
  const signOut = useSignOutUserEverywhere(user.id);
  const mayResetCredentials = can(me.role, 'users.reset-credentials');
  const active = user.status === 'active';

  const setStatus = (status: 'active' | 'deactivated') =>
    update.mutate(
      { status },
      {
        onSuccess: (saved) =>
          notifySuccess(
            status === 'active' ? `${saved.name} can sign in again.` : `${saved.name} can no longer sign in.`,
            status === 'active' ? 'Account reactivated' : 'Account deactivated',
          ),
        onError: (error) => notifyError(error),
      },
    );

  return (
    <SectionCard title="Access" description="Sign-in and security for this account.">
      <Stack gap="sm">
        {mayResetCredentials && (
          <Button
            variant="default"
            leftSection={<IconKey size={16} />}
            onClick={passwordModal.open}
            fullWidth
          >
            Set a new password
          </Button>
        )}
        {mayResetCredentials && user.twoFactorEnabled && (
          <ConfirmButton
            variant="default"
            fullWidth
            leftSection={<IconShieldOff size={16} />}
            loading={resetTwoFactor.isPending}
            confirmTitle="Reset two-factor sign-in?"
            confirmMessage={`${user.name} will sign in with their password only, and can set up two-factor sign-in again from their profile.`}
            confirmLabel="Reset two-factor"
            danger
            onConfirm={() =>
              resetTwoFactor.mutate(undefined, {
                onSuccess: () =>
                  notifySuccess(`Two-factor sign-in is off for ${user.name}.`, 'Two-factor reset'),
                onError: (error) => notifyError(error),
              })
            }
          >
            Reset two-factor
          </ConfirmButton>
        )}
        <ConfirmButton
          variant="default"
          fullWidth
          leftSection={<IconLogout size={16} />}
          loading={signOut.isPending}
          confirmTitle="Sign out everywhere?"
          confirmMessage={`Every session of ${user.name} ends now, on every device. They can sign in again.`}
          confirmLabel="Sign out everywhere"
          onConfirm={() =>
            signOut.mutate(undefined, {
              onSuccess: () => notifySuccess(`${user.name} is signed out on every device.`, 'Signed out'),
              onError: (error) => notifyError(error),
            })
          }
        >
          Sign out everywhere
        </ConfirmButton>
        {active ? (
          <ConfirmButton
            color="red"
            variant="light"
            fullWidth
            leftSection={<IconUserOff size={16} />}
            loading={update.isPending}
            confirmTitle={`Deactivate ${user.name}?`}
            confirmMessage="They are signed out at once and can't sign in until the account is reactivated. Their history stays."
            confirmLabel="Deactivate"
            danger
            onConfirm={() => setStatus('deactivated')}
          >
            Deactivate account
          </ConfirmButton>
        ) : (
          <ConfirmButton
            color="teal"
            variant="light"
            fullWidth
            leftSection={<IconUserCheck size={16} />}
            loading={update.isPending}
            confirmTitle={`Reactivate ${user.name}?`}
            confirmMessage="They can sign in again with their password."
            confirmLabel="Reactivate"
            onConfirm={() => setStatus('active')}
          >
            Reactivate account
          </ConfirmButton>
        )}
      </Stack>
      <SetPasswordModal user={user} opened={passwordOpened} onClose={passwordModal.close} />
    </SectionCard>
  );
}
