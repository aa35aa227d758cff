import { Grid, Group, Stack, Text } from '@mantine/core';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadge } from '../../components/RoleBadge';
import { UserAvatar } from '../../components/UserAvatar';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileDetailsForm } from './ProfileDetailsForm';
import { SessionsCard } from './SessionsCard';
import { TwoFactorCard } from './TwoFactorCard';

export function ProfilePage() {
  usePageTitle('My profile');
  const me = useMe();
  return (
    <>
      <PageHeader
        leading={<UserAvatar name={me.name} initials={me.initials} size="lg" />}
        title={me.name}
        description={
          <Group gap="xs" component="span">
            <Text span fz="sm" c="dimmed">
              {me.email}
            </Text>
            <RoleBadge role={me.role} />
          </Group>
        }
      />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <ProfileDetailsForm key={`${me.name}|${me.timezone}|${me.languages.join(',')}`} me={me} />
              <ChangePasswordForm />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <TwoFactorCard me={me} />
          </Grid.Col>
        </Grid>
        <SessionsCard />
      </Stack>
    </>
  );
}
