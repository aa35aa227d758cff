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
import { MyPresenceDot, PresenceMenuItems } from '../../features/routing/PresenceMenu';
import { useMe } from '../session';

const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
/** The command palette's shortcut, as `aria-keyshortcuts` names it. */
const searchShortcut = isMac ? 'Meta+K' : 'Control+K';

interface AppHeaderProps {
  /** A phone: a menu button for the navigation drawer, and only icons, so the header fits 390 px. */
  phone: boolean;
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ phone, navOpened, onToggleNav }: AppHeaderProps) {
  return (
    <Group h="100%" px={phone ? 'sm' : 'md'} justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="sm" wrap="nowrap" miw={0}>
        {phone && (
          <Burger opened={navOpened} onClick={onToggleNav} size="sm" aria-label="Toggle navigation" />
        )}
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
      <Group gap={phone ? 'xs' : 'sm'} wrap="nowrap">
        {phone ? (
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => spotlight.open()}
            aria-label="Search"
            aria-keyshortcuts={searchShortcut}
          >
            <IconSearch size={18} />
          </ActionIcon>
        ) : (
          <Button
            variant="default"
            leftSection={<IconSearch size={16} />}
            rightSection={
              <Group gap={2} visibleFrom="md" aria-hidden>
                <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
                <Kbd size="xs">K</Kbd>
              </Group>
            }
            onClick={() => spotlight.open()}
            aria-keyshortcuts={searchShortcut}
            c="dimmed"
            fw={400}
            w={{ base: 'auto', md: 240 }}
            justify="space-between"
          >
            Search
          </Button>
        )}
        <NotificationsBell />
        {!phone && <ColorSchemeToggle />}
        <UserMenu withColorScheme={phone} />
      </Group>
    </Group>
  );
}

/** Light or dark: the one the app is not showing now, its name and its icon. */
function useColorSchemeSwitch() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const next = computed === 'dark' ? 'light' : 'dark';
  return {
    label: `Switch to ${next} theme`,
    Icon: computed === 'dark' ? IconSun : IconMoon,
    toggle: () => setColorScheme(next),
  };
}

function ColorSchemeToggle() {
  const scheme = useColorSchemeSwitch();
  return (
    <Tooltip label={scheme.label}>
      <ActionIcon variant="default" size="lg" onClick={scheme.toggle} aria-label={scheme.label}>
        <scheme.Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}

/** The account menu; on a phone it also holds the light/dark switch that has no room in the header. */
function UserMenu({ withColorScheme }: { withColorScheme: boolean }) {
  const me = useMe();
  const logout = useLogout();
  const scheme = useColorSchemeSwitch();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.name}`}>
          <Group gap={8} wrap="nowrap">
            <UserAvatar name={me.name} initials={me.initials} size={32} />
            <MyPresenceDot />
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
        <PresenceMenuItems />
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} />}>
          My profile
        </Menu.Item>
        {withColorScheme && (
          <Menu.Item leftSection={<scheme.Icon size={16} />} onClick={scheme.toggle}>
            {scheme.label}
          </Menu.Item>
        )}
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
