import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { LIVE_ACCESS_ENDED, type LiveClientMessage, type LiveServerMessage } from '../../contracts/live';
import { notificationsKeys } from '../features/notifications/notifications.queries';
import { isOwnVersion, ticketsKeys } from '../features/tickets/tickets.queries';
import { meQueryKey } from './session';
import { type LiveStatus, ReconnectingSocket } from './socket';

export type { LiveStatus };

export interface LiveViewer {
  userId: number;
  name: string;
  replying: boolean;
}

const noViewers: LiveViewer[] = [];

/**
 * The live channel to the server: what changed, and who has which ticket open. Reconnects with
 * backoff; while it is down the app still works, and lists refresh on focus and on a timer.
 */
class LiveConnection {
  status: LiveStatus = 'connecting';
  private readonly socket: ReconnectingSocket;
  private flushTimer: number | undefined;
  private readonly watched = new Map<number, number>();
  private readonly presence = new Map<number, LiveViewer[]>();
  private readonly listeners = new Set<() => void>();
  private readonly changedTickets = new Set<number>();
  private readonly ticketListeners = new Set<() => void>();
  private listsChanged = false;

  constructor(private readonly queryClient: QueryClient) {
    this.socket = new ReconnectingSocket('/api/v1/live', {
      open: () => this.opened(),
      message: (message) => this.receive(message as LiveServerMessage),
      close: (code) => {
        // The server ended the channel because this session ended or the role changed: find out
        // who we are now (the guards then show the sign-in page or the right app).
        if (code === LIVE_ACCESS_ENDED) void this.queryClient.invalidateQueries({ queryKey: meQueryKey });
        this.presence.clear();
      },
      status: (status) => this.setStatus(status),
    });
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    window.clearTimeout(this.flushTimer);
    this.socket.stop();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): LiveStatus => this.status;

  viewersOf(ticketId: number): LiveViewer[] {
    return this.presence.get(ticketId) ?? noViewers;
  }

  /** Says this ticket is open here; returns the matching "closed it". */
  watch(ticketId: number): () => void {
    const count = this.watched.get(ticketId) ?? 0;
    this.watched.set(ticketId, count + 1);
    if (count === 0) this.send({ type: 'watch', ticketId });
    return () => {
      const left = (this.watched.get(ticketId) ?? 1) - 1;
      if (left > 0) {
        this.watched.set(ticketId, left);
        return;
      }
      this.watched.delete(ticketId);
      this.presence.delete(ticketId);
      this.send({ type: 'unwatch', ticketId });
      this.emit();
    };
  }

  /** Calls `listener` when any ticket is created or changes (and after a reconnect); returns the unsubscribe. */
  onTicketChange(listener: () => void): () => void {
    this.ticketListeners.add(listener);
    return () => this.ticketListeners.delete(listener);
  }

  private ticketsChanged(): void {
    for (const listener of this.ticketListeners) listener();
  }

  private opened(): void {
    this.ticketsChanged();
    for (const ticketId of this.watched.keys()) this.send({ type: 'watch', ticketId });
    // Whatever changed while the channel was down.
    this.listsChanged = true;
    for (const ticketId of this.watched.keys()) this.changedTickets.add(ticketId);
    this.scheduleFlush();
  }

  private send(message: LiveClientMessage): void {
    this.socket.send(message);
  }

  private receive(message: LiveServerMessage): void {
    switch (message.type) {
      case 'ticket.created':
        this.ticketsChanged();
        this.listsChanged = true;
        this.scheduleFlush();
        break;
      case 'ticket.changed':
        this.ticketsChanged();
        this.listsChanged = true;
        if (message.version === null || !isOwnVersion(message.ticketId, message.version)) {
          this.changedTickets.add(message.ticketId);
        }
        this.scheduleFlush();
        break;
      case 'presence':
        this.presence.set(message.ticketId, message.viewers);
        this.emit();
        break;
      case 'ticket.replying':
        this.queryClient.setQueryData(ticketsKeys.replying(message.ticketId), {
          ticketId: message.ticketId,
          agents: message.agents,
        });
        break;
      default:
        break;
    }
  }

  /** Many changes in a burst become one refresh. */
  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = window.setTimeout(() => {
      this.flushTimer = undefined;
      if (this.listsChanged) {
        this.listsChanged = false;
        void this.queryClient.invalidateQueries({ queryKey: ticketsKeys.lists });
        void this.queryClient.invalidateQueries({ queryKey: ticketsKeys.views });
        // A note on a ticket may mention someone here.
        void this.queryClient.invalidateQueries({ queryKey: notificationsKeys.all });
      }
      for (const ticketId of this.changedTickets) {
        void this.queryClient.invalidateQueries({ queryKey: ticketsKeys.ticket(ticketId) });
      }
      this.changedTickets.clear();
    }, 250);
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const LiveContext = createContext<LiveConnection | null>(null);

/** Opens the live channel for the signed-in staff app. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [connection] = useState(() => new LiveConnection(queryClient));
  useEffect(() => {
    connection.start();
    return () => connection.stop();
  }, [connection]);
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

function useConnection(): LiveConnection | null {
  return useContext(LiveContext);
}

export function useLiveStatus(): LiveStatus {
  const connection = useConnection();
  return useSyncExternalStore(
    connection?.subscribe ?? (() => () => undefined),
    () => connection?.getStatus() ?? 'closed',
  );
}

/** While mounted, the server knows this ticket is open here; returns who else has it open. */
export function useTicketPresence(ticketId: number, selfId: number): LiveViewer[] {
  const connection = useConnection();
  useEffect(() => connection?.watch(ticketId), [connection, ticketId]);
  const viewers = useSyncExternalStore(
    connection?.subscribe ?? (() => () => undefined),
    () => connection?.viewersOf(ticketId) ?? noViewers,
  );
  return viewers.filter((v) => v.userId !== selfId);
}

/**
 * Calls `onChange` when tickets are created or change, at most once per `everyMs` (a burst of
 * changes becomes one call at the end of the wait): for pages that add tickets up, like the board.
 */
export function useTicketChanges(onChange: () => void, everyMs: number): void {
  const connection = useConnection();
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!connection) return;
    let timer: number | undefined;
    let last = 0;
    const unsubscribe = connection.onTicketChange(() => {
      if (timer !== undefined) return;
      timer = window.setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          latest.current();
        },
        Math.max(0, last + everyMs - Date.now()),
      );
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [connection, everyMs]);
}

/** How often lists refresh on their own: never while live updates flow, every minute otherwise. */
export function usePollInterval(): number | false {
  return useLiveStatus() === 'open' ? false : 60_000;
}
