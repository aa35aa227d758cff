import { ActionIcon, Badge, Group, NavLink, ScrollArea, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { View } from '../../../contracts/tickets';
import { formatViewCount } from '../../app/format';
import { useLiveStatus } from '../../app/live';
import { ErrorState } from '../../components/ErrorState';
import { ticketsKeys } from '../tickets/tickets.queries';
import { viewPath } from './inbox.url';
import { SavedViewMenu } from './SavedViewMenu';

interface ViewsPaneProps {
  views: View[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  activeViewId: string;
  /** Keeps the search and filters when switching views. */
  search: string;
  onNavigate?: () => void;
}

export function ViewsPane({
  views,
  loading,
  error,
  onRetry,
  activeViewId,
  search,
  onNavigate,
}: ViewsPaneProps) {
  const builtIn = views?.filter((v) => v.builtIn) ?? [];
  const mine = views?.filter((v) => !v.builtIn && !v.shared) ?? [];
  const shared = views?.filter((v) => !v.builtIn && v.shared) ?? [];

  return (
    <Stack gap={0} h="100%">
      <ScrollArea style={{ flex: 1 }} p="xs" component="nav" aria-label="Views">
        {loading ? (
          <Stack gap="xs" p="xs" role="status" aria-label="Loading views">
            {Array.from({ length: 7 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <Skeleton key={i} h={28} />
            ))}
          </Stack>
        ) : error ? (
          <ErrorState error={error} title="Views could not be loaded" onRetry={onRetry} />
        ) : (
          <Stack gap="md">
            <ViewGroup
              label="Views"
              views={builtIn}
              activeViewId={activeViewId}
              search={search}
              onNavigate={onNavigate}
            />
            {mine.length > 0 && (
              <ViewGroup
                label="Your views"
                views={mine}
                activeViewId={activeViewId}
                search={search}
                onNavigate={onNavigate}
                deletable
              />
            )}
            {shared.length > 0 && (
              <ViewGroup
                label="Shared views"
                views={shared}
                activeViewId={activeViewId}
                search={search}
                onNavigate={onNavigate}
                deletable
              />
            )}
          </Stack>
        )}
      </ScrollArea>
      <LiveIndicator />
    </Stack>
  );
}

function ViewGroup({
  label,
  views,
  activeViewId,
  search,
  onNavigate,
  deletable = false,
}: {
  label: string;
  views: View[];
  activeViewId: string;
  search: string;
  onNavigate?: () => void;
  deletable?: boolean;
}) {
  return (
    <Stack gap={2}>
      <Text fz="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={2}>
        {label}
      </Text>
      {views.map((view) => {
        const active = view.id === activeViewId;
        return (
          <Group key={view.id} gap={0} wrap="nowrap">
            <NavLink
              component={Link}
              to={viewPath(view.id, search)}
              onClick={onNavigate}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="light"
              label={view.name}
              noWrap
              style={{ borderRadius: 'var(--mantine-radius-md)', flex: 1, minWidth: 0 }}
              rightSection={
                view.count !== null && (
                  <Badge
                    size="sm"
                    variant={active ? 'filled' : 'default'}
                    circle={view.count < 10}
                    aria-label={`${formatViewCount(view)} tickets`}
                  >
                    {view.count > 999 ? '999+' : view.count}
                  </Badge>
                )
              }
            />
            {deletable && <SavedViewMenu view={view} active={active} />}
          </Group>
        );
      })}
    </Stack>
  );
}

/** Says whether the lists update on their own, and offers a refresh when they do not. */
function LiveIndicator() {
  const status = useLiveStatus();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ticketsKeys.all });
    void queryClient.invalidateQueries({ queryKey: ticketsKeys.views });
  };
  return (
    <Group
      gap={6}
      px="md"
      py="xs"
      wrap="nowrap"
      justify="space-between"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap={6} wrap="nowrap" role="status">
        {status === 'open' ? (
          <IconPlugConnected size={14} color="var(--mantine-color-teal-7)" aria-hidden />
        ) : (
          <IconPlugConnectedX size={14} color="var(--mantine-color-orange-7)" aria-hidden />
        )}
        <Text fz="xs" c="dimmed">
          {status === 'open'
            ? 'Live updates on'
            : status === 'connecting'
              ? 'Connecting…'
              : 'Live updates paused'}
        </Text>
      </Group>
      {status !== 'open' && (
        <Tooltip label="Refresh lists and the open ticket">
          <ActionIcon variant="subtle" size="sm" onClick={refresh} aria-label="Refresh">
            <IconRefresh size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
