import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import {
  LIVE_ACCESS_ENDED,
  type LiveServerMessage,
  liveClientMessage,
  type PortalLiveMessage,
} from '../../../contracts/live';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { currentActor } from '../../platform/auth/credentials';
import { can } from '../../platform/auth/policies';
import type { BusEvent, LiveBus } from '../../platform/live/bus';
import { PresenceBoard } from '../../platform/live/presence';
import { portalCustomerOf } from '../portal';

interface Client {
  socket: WebSocket;
  actor: Actor;
  watching: Set<number>;
  /** On a customer's socket, the customer whose requests it hears of; null on staff sockets. */
  customerId: number | null;
}

/** Same-origin check for the upgrade: a page on another site must not ride the session cookie. */
function sameOrigin(origin: string | undefined, host: string | undefined, publicUrl: string): boolean {
  if (!origin) return true;
  try {
    const o = new URL(origin);
    return o.host === host || o.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/** How often every socket's access is checked again, besides the checks the bus asks for. */
const RECHECK_MS = 60_000;

/**
 * Whether a socket's actor still holds: the session or token is alive, the person active, and
 * the role the same as when the socket opened. A customer's socket also follows their customer
 * (merged into another one since it opened).
 */
async function stillAllowed(db: Db, client: Client): Promise<boolean> {
  const now = await currentActor(db, client.actor);
  if (now === null || now.role !== client.actor.role) return false;
  if (client.customerId === null) return can(now, 'tickets.read');
  client.customerId = await portalCustomerOf(db, now);
  return client.customerId !== null;
}

/** What a customer's socket hears of a ticket change: only their own requests' public changes. */
function portalMessageFor(event: BusEvent, customerId: number): PortalLiveMessage | null {
  if (event.type !== 'ticket.created' && event.type !== 'ticket.changed') return null;
  return event.publicFor === customerId ? { type: 'request.changed', ticketId: event.ticketId } : null;
}

/** What a staff socket hears of a ticket change (without whom the customer is). */
const staffMessageFor = (event: Extract<BusEvent, { type: 'ticket.created' | 'ticket.changed' }>) =>
  event.type === 'ticket.created'
    ? { type: event.type, ticketId: event.ticketId }
    : { type: event.type, ticketId: event.ticketId, version: event.version };

/**
 * The live channels: staff browsers hear about ticket changes and who else has a ticket open;
 * a customer's portal hears only of changes they may see on their own requests.
 */
export async function liveRoutes(
  app: FastifyInstance,
  { live, publicUrl, db }: { live: LiveBus; publicUrl: string; db: Db },
) {
  const node = randomBytes(6).toString('hex');
  const clients = new Set<Client>();
  app.metrics.gauge({
    name: 'steward_live_connections',
    help: 'Open live-update websockets (staff browsers and customer portals) on this node',
    read: async () => clients.size,
  });
  const board = new PresenceBoard();
  const send = (client: Client, message: LiveServerMessage | PortalLiveMessage) => {
    if (client.socket.readyState === client.socket.OPEN) client.socket.send(JSON.stringify(message));
  };

  /** Closes the sockets whose access has ended; `match` picks which to check. */
  const recheck = async (match: (client: Client) => boolean) => {
    for (const client of [...clients]) {
      if (!match(client)) continue;
      try {
        if (await stillAllowed(db, client)) continue;
      } catch (error) {
        app.log.warn({ err: error }, 'live access check failed');
        continue;
      }
      clients.delete(client);
      client.socket.close(LIVE_ACCESS_ENDED, 'session ended');
    }
  };
  const timer = setInterval(() => void recheck(() => true), RECHECK_MS);
  timer.unref();

  const unsubscribe = live.subscribe((event) => {
    if (event.type === 'access.changed') {
      void recheck((c) => event.userId === null || c.actor.type === 'token' || c.actor.id === event.userId);
      return;
    }
    if (event.type === 'presence') {
      if (!board.apply(event)) return;
      const message: LiveServerMessage = {
        type: 'presence',
        ticketId: event.ticketId,
        viewers: board.viewers(event.ticketId),
      };
      for (const client of clients) if (client.watching.has(event.ticketId)) send(client, message);
      return;
    }
    // Who is replying matters only to staff viewing the ticket; customers never hear of it.
    if (event.type === 'ticket.replying') {
      for (const client of clients)
        if (client.customerId === null && client.watching.has(event.ticketId)) send(client, event);
      return;
    }
    const staffMessage = staffMessageFor(event);
    for (const client of clients) {
      if (client.customerId === null) {
        send(client, staffMessage);
        continue;
      }
      const message = portalMessageFor(event, client.customerId);
      if (message) send(client, message);
    }
  });

  const announce = (client: Client, ticketId: number, watching: boolean, replying = false) => {
    live.publish({
      type: 'presence',
      ticketId,
      userId: client.actor.id,
      name: client.actor.name,
      watching,
      replying,
      node,
    });
  };

  app.addHook('onClose', async () => {
    clearInterval(timer);
    unsubscribe();
    for (const client of clients) client.socket.close(1001, 'server shutting down');
  });

  app.get(
    '/api/v1/live',
    { websocket: true, config: { access: 'tickets.read' }, schema: { hide: true } },
    (socket, req) => {
      if (!req.actor || !sameOrigin(req.headers.origin, req.headers.host, publicUrl)) {
        socket.close(1008, 'not allowed');
        return;
      }
      const client: Client = { socket, actor: req.actor, watching: new Set(), customerId: null };
      clients.add(client);
      send(client, { type: 'hello', userId: req.actor.id });
      socket.on('message', (raw: Buffer) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw.toString('utf8'));
        } catch {
          return;
        }
        const message = liveClientMessage.safeParse(parsed);
        if (!message.success) return;
        const m = message.data;
        if (m.type === 'watch') {
          if (client.watching.size >= 20) return;
          client.watching.add(m.ticketId);
          announce(client, m.ticketId, true);
          send(client, { type: 'presence', ticketId: m.ticketId, viewers: board.viewers(m.ticketId) });
        } else if (m.type === 'unwatch') {
          client.watching.delete(m.ticketId);
          announce(client, m.ticketId, false);
        } else if (client.watching.has(m.ticketId)) {
          announce(client, m.ticketId, true, m.replying);
        }
      });
      socket.on('close', () => {
        clients.delete(client);
        for (const ticketId of client.watching) announce(client, ticketId, false);
      });
    },
  );

  app.get(
    '/api/v1/portal/live',
    { websocket: true, config: { access: 'portal.use' }, schema: { hide: true } },
    async (socket, req) => {
      const customerId =
        req.actor && sameOrigin(req.headers.origin, req.headers.host, publicUrl)
          ? await portalCustomerOf(db, req.actor).catch(() => null)
          : null;
      if (socket.readyState !== socket.OPEN) return;
      if (!req.actor || customerId === null) {
        socket.close(1008, 'not allowed');
        return;
      }
      const client: Client = { socket, actor: req.actor, watching: new Set(), customerId };
      clients.add(client);
      send(client, { type: 'hello' });
      // The portal only listens: what it sends is ignored.
      socket.on('close', () => clients.delete(client));
    },
  );
}
