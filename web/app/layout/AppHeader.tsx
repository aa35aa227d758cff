import {
  ActionIcon,
  Burger,
  Button,
  Group,
  Kbd,
  Menu,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import {
  IconChevronDown,
  IconLifebuoy,
  IconLogout,
  IconMoon,
  IconSearch,
  IconSun,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { UserAvatar } from '../../components/UserAvatar';
import { useLogout } from '../../features/auth/auth.queries';
import { NotificationsBell } from '../../features/notifications/NotificationsBell';
import { useMe } from '../session';

const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label="Toggle navigation"
        />
        <UnstyledButton component={Link} to="/" aria-label="Steward home">
          <Group gap={8} wrap="nowrap">
            <ThemeIcon size={30} radius="md">
              <IconLifebuoy size={18} />
            </ThemeIcon>
            <Text fw={700} fz="lg">
              Steward
            </Text>
          </Group>
        </UnstyledButton>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Button
          variant="default"
          leftSection={<IconSearch size={16} />}
          rightSection={
            <Group gap={2} visibleFrom="md">
              <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
              <Kbd size="xs">K</Kbd>
            </Group>
          }
          onClick={() => spotlight.open()}
          aria-label="Open command palette"
          c="dimmed"
          fw={400}
          w={{ base: 'auto', md: 240 }}
          justify="space-between"
        >
          Search
        </Button>
        <NotificationsBell />
        <ColorSchemeToggle />
        <UserMenu />
      </Group>
    </Group>
  );
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" onClick={() => setColorScheme(next)} aria-label={label}>
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

function UserMenu() {
  const me = useMe();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.name}`}>
          <Group gap={8} wrap="nowrap">
            <UserAvatar name={me.name} initials={me.initials} size={32} />
            <Text fz="sm" fw={500} visibleFrom="md" maw={160} truncate="end">
              {me.name}
            </Text>
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
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} />}>
          My profile
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
