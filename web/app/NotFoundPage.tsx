import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { usePageTitle } from './title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <EmptyState
      icon={<IconMapQuestion size={28} stroke={1.5} />}
      title="There is no page here"
      description="The link may be old or mistyped. Use the menu, or search (Ctrl+K) to jump anywhere."
      action={
        <Button component={Link} to="/" variant="default">
          Go to Home
        </Button>
      }
    />
  );
}
