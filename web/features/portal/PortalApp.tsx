import {
  Box,
  Button,
  Center,
  Container,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconLogout, IconMessages, IconPlus, IconUserCircle } from '@tabler/icons-react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { usePhone } from '../../app/layout/screen';
import { SessionProvider, useMe, useMeQuery } from '../../app/session';
import { portalSite, usePageTitle } from '../../app/title';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { mainContentId, SkipLink } from '../../components/SkipLink';
import { UserAvatar } from '../../components/UserAvatar';
import { useLogout } from '../auth/auth.queries';
import { PORTAL_NAME, usePortalTitle } from './PortalFrame';
import { PortalLiveProvider } from './portal.live';

/** The customer portal: only for signed-in customers, with its own plain layout. */
export function PortalApp() {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <LoadingState variant="page" label="Loading" />;
  if (me.isError) {
    return (
      <Center mih="100vh">
        <ErrorState
          error={me.error}
          title="We couldn't reach your requests"
          onRetry={() => void me.refetch()}
          retrying={me.isRefetching}
        />
      </Center>
    );
  }
  if (!me.data) {
    const here = `${location.pathname}${location.search}`;
    const next = here === '/portal' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/portal/login${next}`} replace />;
  }
  if (me.data.role !== 'customer') return <StaffNotice />;
  return (
    <SessionProvider me={me.data}>
      <PortalLiveProvider>
        <PortalLayout />
      </PortalLiveProvider>
    </SessionProvider>
  );
}

function StaffNotice() {
  usePageTitle(null, portalSite);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={460}>
        <Stack gap="sm">
          <Text fw={600}>This is the customer portal</Text>
          <Text fz="sm" c="dimmed">
            You are signed in with a staff account. Customers see their requests here; you work on them in the
            Inbox.
          </Text>
          <Group>
            <Button component={Link} to="/inbox">
              Go to the Inbox
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}

function PortalLayout() {
  const phone = usePhone();
  usePortalTitle();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-light)">
      <SkipLink />
      <Box
        component="header"
        bg="var(--mantine-color-body)"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Container size={880} py="sm">
          <Group justify="space-between" wrap="nowrap">
            <UnstyledButton component={Link} to="/portal">
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={30} radius="md">
                  <IconMessages size={18} />
                </ThemeIcon>
                <Text fw={700} fz="lg" style={{ whiteSpace: 'nowrap' }}>
                  {PORTAL_NAME}
                </Text>
              </Group>
            </UnstyledButton>
            <Group gap={phone ? 'sm' : 'md'} wrap="nowrap" component="nav" aria-label={PORTAL_NAME}>
              <Button
                component={Link}
                to="/portal/requests/new"
                size="xs"
                leftSection={phone ? undefined : <IconPlus size={14} />}
              >
                New request
              </Button>
              <AccountMenu />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container
        size={880}
        py="xl"
        component="main"
        id={mainContentId}
        tabIndex={-1}
        style={{ outline: 'none' }}
      >
        <Outlet />
      </Container>
    </Box>
  );
}

function AccountMenu() {
  const me = useMe();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.name}`}>
          <Group gap={6} wrap="nowrap">
            <UserAvatar name={me.name} initials={me.initials} size={30} />
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="sm" fw={500} c="var(--mantine-color-text)" truncate="end">
            {me.name}
          </Text>
          <Text fz="xs" c="dimmed" truncate="end">
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/portal/account" leftSection={<IconUserCircle size={16} />}>
          My account
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
