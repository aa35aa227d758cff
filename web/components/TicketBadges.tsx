import { Badge, type BadgeProps } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEqual, IconFlame } from '@tabler/icons-react';
import type { TicketPriority, TicketStatus } from '../../contracts/tickets';
import { priorityColors, priorityLabels, statusColors, statusLabels } from '../app/ticketLabels';

type Size = BadgeProps['size'];

/** A ticket's status: the same word and colour on every screen. */
export function TicketStatusBadge({ status, size = 'sm' }: { status: TicketStatus; size?: Size }) {
  return (
    <Badge color={statusColors[status]} variant="light" size={size} tt="none">
      {statusLabels[status]}
    </Badge>
  );
}

const priorityIcons: Record<TicketPriority, typeof IconEqual> = {
  low: IconArrowDown,
  normal: IconEqual,
  high: IconArrowUp,
  urgent: IconFlame,
};

/** A ticket's priority with an icon, so it reads without colour too. */
export function PriorityBadge({ priority, size = 'sm' }: { priority: TicketPriority; size?: Size }) {
  const Icon = priorityIcons[priority];
  return (
    <Badge
      color={priorityColors[priority]}
      variant={priority === 'urgent' ? 'filled' : 'outline'}
      size={size}
      tt="none"
      leftSection={<Icon size={12} stroke={2} />}
    >
      {priorityLabels[priority]}
    </Badge>
  );
}
