import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessageCircle, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { portalSite, usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { PortalStatusBadge } from './PortalStatusBadge';
import { usePortalRequests } from './portal.queries';

export function PortalRequestsPage() {
  usePageTitle(null, portalSite);
  const me = useMe();
  const requests = usePortalRequests();
  const firstName = me.name.split(/\s+/)[0] || me.name;
  const rows = (requests.data ?? []).slice().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            Hello {firstName}
          </Title>
          <Text c="dimmed">Here are your requests to us, the latest first.</Text>
        </Stack>
      </Group>
      <Paper withBorder radius="md">
        {requests.isPending ? (
          <Stack p="md">
            <LoadingState label="Loading your requests" rows={3} />
          </Stack>
        ) : requests.isError ? (
          <ErrorState
            error={requests.error}
            title="We couldn't load your requests"
            onRetry={() => void requests.refetch()}
            retrying={requests.isRefetching}
          />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<IconMessageCircle size={28} stroke={1.5} />}
            title="You have no requests yet"
            description="Ask us anything: we'll answer by email and here."
            action={
              <Button component={Link} to="/portal/requests/new" leftSection={<IconPlus size={16} />}>
                New request
              </Button>
            }
          />
        ) : (
          <Stack gap={0} component="ul" p={0} m={0} aria-label="Your requests" style={{ listStyle: 'none' }}>
            {rows.map((request) => (
              <Group
                key={request.id}
                component="li"
                justify="space-between"
                wrap="wrap"
                gap="xs"
                px={{ base: 'md', sm: 'lg' }}
                py="md"
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                {/* The status goes under the subject when both don't fit on one line (a phone). */}
                <Stack gap={2} miw={0} style={{ flex: '1 1 12rem' }}>
                  <Anchor component={Link} to={`/portal/requests/${request.id}`} fw={600} truncate="end">
                    {request.subject}
                  </Anchor>
                  <Text fz="xs" c="dimmed">
                    Request {request.id} · sent <RelativeTime value={request.createdAt} fz="xs" c="dimmed" />{' '}
                    · last update <RelativeTime value={request.updatedAt} fz="xs" c="dimmed" />
                  </Text>
                </Stack>
                <PortalStatusBadge status={request.status} />
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
