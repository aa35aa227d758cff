import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';

/**
 * What travels between nodes: ticket changes, who is looking at which ticket, and whose access
 * changed (sessions ended, deactivated, new role; `userId` null: API tokens), so every node
 * checks its open sockets again.
 *
 * A ticket change carries `publicFor`, the requesting customer's id, only when that customer may
 * see it (a message that is not a note, a new status or subject, a new request); their portal is
 * told then, and never of a change without it.
 */
export type BusEvent =
  | { type: 'access.changed'; userId: number | null }
  | { type: 'ticket.created'; ticketId: number; publicFor?: number }
  | { type: 'ticket.changed'; ticketId: number; version: number | null; publicFor?: number }
  | {
      type: 'ticket.replying';
      ticketId: number;
      agents: { userId: number; name: string; until: string }[];
    }
  | {
      type: 'presence';
      ticketId: number;
      userId: number;
      name: string;
      watching: boolean;
      replying: boolean;
      node: string;
    };

export interface LiveBus {
  publish(event: BusEvent): void;
  subscribe(handler: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process: events go straight to local subscribers. */
export function localBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (event) => emitter.emit('event', event),
    subscribe(handler) {
      emitter.on('event', handler);
      return () => emitter.off('event', handler);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Several nodes on one PostgreSQL: events go out with NOTIFY and come back to every node
 * (this one included) through LISTEN, so each node tells its own sockets.
 */
export async function postgresBus(url: string, log: FastifyBaseLogger, schema = 'public'): Promise<LiveBus> {
  const CHANNEL = `steward_live_${schema.replace(/[^a-z0-9_]/gi, '')}`;
  const local = localBus();
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Pool({ connectionString: url, max: 2 });
  listener.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      local.publish(JSON.parse(message.payload) as BusEvent);
    } catch (error) {
      log.warn({ err: error }, 'bad live notification');
    }
  });
  listener.on('error', (error) => log.error({ err: error }, 'live listener lost its connection'));
  await listener.connect();
  await listener.query(`listen ${CHANNEL}`);
  return {
    publish(event) {
      sender.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]).catch((error: unknown) => {
        log.warn({ err: error }, 'live notify failed');
      });
    },
    subscribe: local.subscribe,
    async close() {
      await local.close();
      await listener.end().catch(() => undefined);
      await sender.end().catch(() => undefined);
    },
  };
}
