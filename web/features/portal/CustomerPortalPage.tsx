import { Button, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLifebuoy, IconLogout, IconMessageCircle } from '@tabler/icons-react';
import { useMe } from '../../app/session';
import { useLogout } from '../auth/auth.queries';

/** What customers see until the portal exists: a friendly note, not the staff app. */
export function CustomerPortalPage() {
  const me = useMe();
  const logout = useLogout();
  return (
    <Center mih="100vh" p="md">
      <Stack w="100%" maw={540} gap="lg">
        <Group gap="sm" justify="center">
          <ThemeIcon size={40} radius="md">
            <IconLifebuoy size={24} />
          </ThemeIcon>
          <Title order={1} fz={28}>
            Steward
          </Title>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md" align="center" ta="center">
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconMessageCircle size={30} />
            </ThemeIcon>
            <Title order={2} fz="h3">
              The customer portal is coming soon
            </Title>
            <Text c="dimmed">
              Hello {me.name}. Soon you'll be able to see your requests here, reply to them and find answers
              in the help center. Until then, write to us by email as usual and we'll get back to you.
            </Text>
            <Button
              variant="default"
              leftSection={<IconLogout size={16} />}
              loading={logout.isPending}
              onClick={() => logout.mutate()}
            >
              Sign out
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
