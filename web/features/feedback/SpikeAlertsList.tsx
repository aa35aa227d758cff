import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SpikeAlert } from '../../../contracts/trends';
import { errorMessage } from '../../app/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { useAcknowledgeSpike, useSpikeAlerts } from './trends.queries';

/** The unresolved spike alerts: what surged, since when, its tickets, and acknowledging it. */
export function SpikeAlertsList({ canManage }: { canManage: boolean }) {
  const alerts = useSpikeAlerts();
  return (
    <SectionCard
      title="Spike alerts"
      description="A category whose incoming tickets or negative answers in an hour are far above the same weekday and hour of the last six weeks. An alert closes itself after three normal hours."
    >
      {alerts.isPending ? (
        <LoadingState variant="block" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.length === 0 ? (
        <EmptyState size="sm" title="No spikes" description="Every category is within its usual range." />
      ) : (
        <Stack gap="xs">
          {alerts.data.map((alert) => (
            <SpikeAlertItem key={alert.id} alert={alert} canManage={canManage} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function SpikeAlertItem({ alert, canManage }: { alert: SpikeAlert; canManage: boolean }) {
  const acknowledge = useAcknowledgeSpike();
  const [showTickets, setShowTickets] = useState(false);
  return (
    <Alert
      color={alert.state === 'open' ? 'orange' : 'gray'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={alert.title}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={alert.state === 'open' ? 'orange' : 'gray'}>
            {alert.state === 'open' ? 'Open' : 'Acknowledged'}
          </Badge>
          <Text fz="sm">
            {alert.measure === 'volume' ? 'Incoming tickets' : 'Negative answers'} since{' '}
            <RelativeTime value={alert.startedAt} />, last spike hour{' '}
            <RelativeTime value={alert.lastSeenAt} />.
          </Text>
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => setShowTickets((v) => !v)}
            aria-expanded={showTickets}
            disabled={alert.ticketIds.length === 0}
          >
            {showTickets ? 'Hide tickets' : `See tickets (${alert.ticketIds.length})`}
          </Button>
          {canManage && alert.state === 'open' && (
            <Button size="xs" onClick={() => acknowledge.mutate(alert.id)} loading={acknowledge.isPending}>
              Acknowledge
            </Button>
          )}
        </Group>
        {acknowledge.isError && (
          <Text fz="sm" c="red" role="alert">
            {errorMessage(acknowledge.error)}
          </Text>
        )}
        {showTickets && (
          <Group
            gap="xs"
            component="ul"
            aria-label={`Tickets of ${alert.category.name}`}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {alert.ticketIds.map((id) => (
              <li key={id}>
                <Anchor component={Link} to={`/inbox/all/tickets/${id}`} fz="sm">
                  #{id}
                </Anchor>
              </li>
            ))}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
