import { EmptyState as MantineEmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  /** The next thing to do, usually a button. */
  action?: ReactNode;
  size?: 'sm' | 'md';
}

export function EmptyState({ title, description, icon, action, size = 'md' }: EmptyStateProps) {
  return (
    <MantineEmptyState
      size={size}
      py={size === 'sm' ? 'md' : 'xl'}
      variant="light"
      color="gray"
      icon={icon ?? <IconInbox size={size === 'sm' ? 22 : 28} stroke={1.5} />}
      title={title}
      description={description}
      role="status"
    >
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}
