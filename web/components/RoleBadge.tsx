import { Badge, type MantineColor } from '@mantine/core';
import type { Role } from '../../contracts/common';
import { roleLabels } from '../app/access';

const roleColors: Record<Role, MantineColor> = {
  admin: 'grape',
  manager: 'blue',
  agent: 'teal',
  customer: 'gray',
};

export function RoleBadge({ role, size = 'sm' }: { role: Role; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={roleColors[role]} variant="light" size={size}>
      {roleLabels[role]}
    </Badge>
  );
}
