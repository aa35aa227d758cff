import { Badge } from '@mantine/core';
import type { TicketStatus } from '../../../contracts/tickets';
import { portalStatusColors, portalStatusLabels } from './portal.queries';

/** A request's status in the customer's words, always whole: it never shrinks to "W…". */
export function PortalStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={portalStatusColors[status]} variant="light" tt="none" size="md" style={{ flexShrink: 0 }}>
      {portalStatusLabels[status]}
    </Badge>
  );
}
