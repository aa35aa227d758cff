import { Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';

/** The portal is named by what it holds, in the browser's tab too. */
export const PORTAL_NAME = 'Your requests';

/** Names the browser tab after the portal while a portal page is shown. */
export function usePortalTitle() {
  useEffect(() => {
    const before = document.title;
    document.title = PORTAL_NAME;
    return () => {
      document.title = before;
    };
  }, []);
}

/** The calm, centred frame of the portal's sign-in pages. */
export function PortalFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  usePortalTitle();
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={440} gap="lg">
        <Group gap="sm" justify="center">
          <ThemeIcon size={40} radius="md">
            <IconMessages size={24} />
          </ThemeIcon>
          <Title order={1} fz={26}>
            {PORTAL_NAME}
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
