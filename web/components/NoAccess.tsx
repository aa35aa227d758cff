import { Button, EmptyState as MantineEmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePageTitle } from '../app/title';

/** What a page shows to a role that may not open it. */
export function NoAccess({ pageLabel }: { pageLabel?: string }) {
  usePageTitle(pageLabel ?? 'No access');
  return (
    <MantineEmptyState
      py={64}
      variant="light"
      color="orange"
      icon={<IconLock size={28} stroke={1.5} />}
      title="You don't have access to this page"
      description={
        pageLabel
          ? `Your role can't open ${pageLabel}. If you need it for your work, ask an administrator.`
          : "Your role can't open this page. If you need it for your work, ask an administrator."
      }
      role="alert"
    >
      <MantineEmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          Go to Home
        </Button>
      </MantineEmptyState.Actions>
    </MantineEmptyState>
  );
}
