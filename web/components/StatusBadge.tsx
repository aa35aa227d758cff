import { Badge } from '@mantine/core';

interface StatusBadgeProps {
  active: boolean;
  activeLabel?: string;
  inactiveLabel: string;
}

/** Active / inactive with colour and text, so it reads at a glance. */
export function StatusBadge({ active, activeLabel = 'Active', inactiveLabel }: StatusBadgeProps) {
  return (
    <Badge color={active ? 'green' : 'gray'} variant="dot" size="sm">
      {active ? activeLabel : inactiveLabel}
    </Badge>
  );
}
