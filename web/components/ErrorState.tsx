import { Button, EmptyState as MantineEmptyState } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { errorMessage } from '../app/api';

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorState({
  error,
  title = 'This could not be loaded',
  onRetry,
  retrying,
}: ErrorStateProps) {
  return (
    <MantineEmptyState
      py="xl"
      variant="light"
      color="red"
      icon={<IconAlertTriangle size={28} stroke={1.5} />}
      title={title}
      description={errorMessage(error)}
      role="alert"
    >
      {onRetry && (
        <MantineEmptyState.Actions>
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            onClick={onRetry}
            loading={retrying}
          >
            Try again
          </Button>
        </MantineEmptyState.Actions>
      )}
    </MantineEmptyState>
  );
}
