import { Button } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { View } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { useViews } from '../tickets/tickets.queries';
import { type EmptyQueueAction, emptyQueueOf } from './emptyQueue';
import { viewPath } from './inbox.url';

interface EmptyQueueStateProps {
  viewId: string;
  view?: View;
  /** Opens the New ticket modal; without it the state does not offer one. */
  onNewTicket?: () => void;
}

/** An empty queue that says what is true of it, and offers the next step. */
export function EmptyQueueState({ viewId, view, onNewTicket }: EmptyQueueStateProps) {
  const me = useMe();
  const views = useViews();
  const empty = emptyQueueOf(viewId, view, {
    views: views.data,
    teams: me.teams,
    managesChannels: can(me.role, 'channels.manage'),
  });
  const button = (action: EmptyQueueAction) => {
    switch (action) {
      case 'unassigned':
        return (
          <Button key={action} component={Link} to={viewPath('unassigned')} variant="default" size="xs">
            Go to Unassigned
          </Button>
        );
      case 'set-up-mail':
        return (
          <Button key={action} component={Link} to="/admin/mail" variant="default" size="xs">
            Set up a mailbox
          </Button>
        );
      case 'new-ticket':
        return onNewTicket ? (
          <Button key={action} onClick={onNewTicket} variant="default" size="xs">
            Open a ticket
          </Button>
        ) : null;
    }
  };
  const actions = empty.actions.map(button).filter(Boolean);
  return (
    <EmptyState
      size="sm"
      icon={<IconInbox size={22} stroke={1.5} />}
      title={empty.title}
      description={empty.description}
      action={actions.length > 0 ? actions : undefined}
    />
  );
}
