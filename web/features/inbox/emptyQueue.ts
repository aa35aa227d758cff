import type { View } from '../../../contracts/tickets';

/** The next step an empty queue offers. */
export type EmptyQueueAction = 'new-ticket' | 'unassigned' | 'set-up-mail';

export interface EmptyQueue {
  title: string;
  description: string;
  actions: EmptyQueueAction[];
}

export interface EmptyQueueFacts {
  /** The views with their counts, when known. */
  views: View[] | undefined;
  /** The viewer's teams. */
  teams: { name: string }[];
  /** Whether the viewer may set up mailboxes. */
  managesChannels: boolean;
}

const countOf = (views: View[] | undefined, id: string) => views?.find((v) => v.id === id)?.count ?? null;
const tickets = (n: number) => (n === 1 ? '1 ticket waits' : `${n.toLocaleString()} tickets wait`);
const listOf = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * What an empty queue (no search, no filter chips) says: only what is true of it. A help desk
 * with no tickets at all says how tickets arrive; a queue says what would be in it and, when
 * tickets wait for an owner elsewhere, where.
 */
export function emptyQueueOf(viewId: string, view: View | undefined, facts: EmptyQueueFacts): EmptyQueue {
  const all = countOf(facts.views, 'all');
  const unassigned = countOf(facts.views, 'unassigned');
  if (viewId === 'all' || all === 0) {
    return {
      title: 'No tickets yet',
      description: facts.managesChannels
        ? 'Tickets arrive by mail to your mailboxes, from the contact form and from the customer portal. Set up a mailbox, or open a ticket for a call or a visit.'
        : 'Tickets arrive by mail, from the contact form and from the customer portal. You can also open one for a call or a visit.',
      actions: facts.managesChannels ? ['set-up-mail', 'new-ticket'] : ['new-ticket'],
    };
  }
  const waiting = unassigned !== null && unassigned > 0;
  const pickUp: EmptyQueueAction[] = waiting ? ['unassigned'] : [];
  const elsewhere = waiting
    ? ` ${tickets(unassigned)} for an owner in Unassigned.`
    : unassigned === 0
      ? ' No ticket is waiting for an owner either.'
      : '';
  switch (viewId) {
    case 'my-open':
      return {
        title: 'Nothing assigned to you',
        description: `Open tickets assigned to you show here.${elsewhere}`,
        actions: pickUp,
      };
    case 'unassigned':
      return { title: 'Nothing unassigned', description: 'Every open ticket has an owner.', actions: [] };
    case 'my-teams':
      return facts.teams.length === 0
        ? {
            title: 'You are in no team',
            description: "Your teams' open tickets show here once a manager adds you to a team.",
            actions: pickUp,
          }
        : {
            title: 'Nothing open for your teams',
            description: `No open ticket is in the queue of ${listOf(facts.teams.map((t) => t.name))}.${elsewhere}`,
            actions: pickUp,
          };
    case 'escalated':
      return { title: 'Nothing escalated', description: 'No open ticket is escalated.', actions: [] };
    case 'breaching-soon':
      return {
        title: 'Nothing breaching soon',
        description:
          'No open ticket has a service-level target that runs out within the next 2 hours or has run out already.',
        actions: [],
      };
    case 'pending':
      return {
        title: 'Nobody to wait for',
        description: 'No ticket is waiting for a reply from its customer.',
        actions: [],
      };
    case 'recently-solved':
      return {
        title: 'Nothing solved recently',
        description: 'Tickets show here once they are solved or closed.',
        actions: [],
      };
    default:
      return {
        title: 'No tickets in this view',
        description: view
          ? `No ticket matches the filters of “${view.name}” right now.`
          : 'No ticket matches its filters right now.',
        actions: [],
      };
  }
}
