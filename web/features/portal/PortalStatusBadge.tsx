import { Badge } from '@mantine/core';
import type { TicketStatus } from '../../../contracts/tickets';
import { portalStatusColors, portalStatusLabels } from './portal.queries';

export function PortalStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={portalStatusColors[status]} variant="light" tt="none" size="md">
      {portalStatusLabels[status]}
    </Badge>
  );
}
