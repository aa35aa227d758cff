import { Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The calm, centred frame of the portal's sign-in pages. */
export function PortalFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={440} gap="lg">
        <Group gap="sm" justify="center">
          <ThemeIcon size={40} radius="md">
            <IconLifebuoy size={24} />
          </ThemeIcon>
          <Title order={1} fz={26}>
            Help center
          </Title>
        </Group>
        {children}
        {footer && (
          <Text c="dimmed" fz="xs" ta="center">
            {footer}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
