import {
  ActionIcon,
  Box,
  Button,
  Group,
  Indicator,
  NavLink,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconAt, IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../../../contracts/auth';
import { notifyError } from '../../app/notify';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { useMarkNotificationsRead, useNotifications } from './notifications.queries';

/** The bell in the staff header: unread mentions, and the latest ones in a popover. */
export function NotificationsBell() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [opened, setOpened] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.data ?? [];

  const markAllRead = () => markRead.mutate(undefined, { onError: (error) => notifyError(error) });
  const openItem = (item: Notification) => {
    setOpened(false);
    if (!item.read) markRead.mutate([item.id], { onError: (error) => notifyError(error) });
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      withinPortal
      // A dialog: the focus goes into it, Escape closes it and the focus comes back to the bell.
      trapFocus
      returnFocus
    >
      {/* The popover's ARIA (expanded, controls) goes on the button itself, not on the badge's box. */}
      <Indicator
        label={unread}
        maxValue={99}
        size={18}
        offset={4}
        color="red"
        disabled={unread === 0}
        withBorder
        zIndex={2}
      >
        <Tooltip label={unread > 0 ? `${unread} unread` : 'Notifications'} disabled={opened}>
          <Popover.Target>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
              onClick={() => setOpened((o) => !o)}
            >
              <IconBell size={18} />
            </ActionIcon>
          </Popover.Target>
        </Tooltip>
      </Indicator>
      <Popover.Dropdown p={0} aria-label="Notifications">
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text fw={600} fz="sm">
            Notifications
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconChecks size={14} />}
            onClick={markAllRead}
            loading={markRead.isPending}
            disabled={unread === 0}
          >
            Mark all as read
          </Button>
        </Group>
        <Box style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          {notifications.isPending ? (
            <LoadingState variant="block" label="Loading notifications" />
          ) : notifications.isError ? (
            <Box p="sm">
              <ErrorState
                error={notifications.error}
                title="Notifications could not be loaded"
                onRetry={() => void notifications.refetch()}
              />
            </Box>
          ) : items.length === 0 ? (
            <EmptyState
              size="sm"
              icon={<IconAt size={22} stroke={1.5} />}
              title="No mentions yet"
              description="When a colleague writes @ and your name in a note, it shows up here."
            />
          ) : (
            <ScrollArea.Autosize mah={400} type="auto">
              <Stack component="ul" gap={0} p={0} m={0} aria-label="Mentions" style={{ listStyle: 'none' }}>
                {items.map((item) => (
                  <li key={item.id}>
                    <NotificationItem item={item} onOpen={() => openItem(item)} />
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Box>
      </Popover.Dropdown>
    </Popover>
  );
}

function notificationText(item: Notification): string {
  const on = item.ticketId !== null ? ` on #${item.ticketId}` : '';
  if (item.kind === 'mail_failed') return `A reply${on} could not be delivered`;
  if (item.kind === 'sla_warning') return `${item.detail ?? 'A target'}${on} is close to its due time`;
  if (item.kind === 'contract_review') return `Contract review due: ${item.detail ?? 'a contract'}`;
  if (item.kind === 'automation') return `${item.detail ?? item.actorName}${on}`;
  if (item.kind === 'sla_breach') return `${item.detail ?? 'A target'}${on} was missed`;
  if (item.kind === 'follow_up') return `Follow up${on}: ${item.detail ?? 'a negative answer'}`;
  if (item.kind === 'spike_alert') return `Spike: ${item.detail ?? 'a surge in one category'}`;
  if (item.kind === 'goal_at_risk') return `Goal at risk: ${item.detail ?? 'a goal'}`;
  if (item.kind === 'unassigned_alert')
    return `Still unassigned${on}: ${item.detail ?? 'past the team’s limit'}`;
  return `${item.actorName} mentioned you${on}`;
}

/** Where a notification leads: its ticket, or the contracts due for review. */
function notificationHref(item: Notification): string | null {
  if (item.kind === 'contract_review') return '/contracts?show=review';
  if (item.kind === 'follow_up') return '/follow-ups';
  if (item.kind === 'spike_alert') return '/feedback/trends';
  if (item.kind === 'goal_at_risk') return '/goals';
  return item.ticketId === null ? null : `/inbox/all/tickets/${item.ticketId}`;
}

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: () => void }) {
  const label = (
    <Text fz="sm" fw={item.read ? 400 : 600}>
      {notificationText(item)}
      {!item.read && <VisuallyHidden> (unread)</VisuallyHidden>}
    </Text>
  );
  const dot = (
    <Box
      w={8}
      h={8}
      style={{
        borderRadius: '50%',
        background: item.read ? 'transparent' : 'var(--mantine-color-blue-filled)',
      }}
      aria-hidden
    />
  );
  const description = <RelativeTime value={item.createdAt} fz="xs" c="dimmed" />;
  const style = { borderBottom: '1px solid var(--mantine-color-default-border)' };
  const href = notificationHref(item);
  if (href === null) {
    return (
      <NavLink component="div" label={label} description={description} leftSection={dot} style={style} />
    );
  }
  return (
    <NavLink
      component={Link}
      to={href}
      onClick={onOpen}
      label={label}
      description={description}
      leftSection={dot}
      px="md"
      style={style}
    />
  );
}
