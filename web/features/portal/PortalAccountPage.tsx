import { Paper, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/session';
import { portalSite, usePageTitle } from '../../app/title';
import { ChangePasswordForm } from '../profile/ChangePasswordForm';
import { PortalBackLink } from './PortalBackLink';
import { PortalMailPreferences } from './PortalMailPreferences';
import { PortalSurveyPreference } from './PortalSurveyPreference';

export function PortalAccountPage() {
  usePageTitle('My account', portalSite);
  const me = useMe();
  return (
    <Stack gap="lg">
      <PortalBackLink />
      <Title order={1} fz="h2">
        My account
      </Title>
      <Paper withBorder p="lg" radius="md">
        <Stack gap={4}>
          <Text fw={600}>{me.name}</Text>
          <Text c="dimmed" fz="sm">
            {me.email}
          </Text>
        </Stack>
      </Paper>
      <PortalMailPreferences />
      <PortalSurveyPreference />
      <Text fz="sm" c="dimmed">
        You can always sign in with a link sent to your email. Set a password if you'd rather sign in with
        one.
      </Text>
      <ChangePasswordForm currentOptional />
    </Stack>
  );
}
