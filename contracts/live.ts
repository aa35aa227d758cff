import { z } from 'zod';

/**
 * The live channel: a WebSocket at /api/v1/live, authenticated by the session cookie.
 * The server tells staff what changed; clients say which ticket they have open.
 */
/** The close code of a socket whose session ended, user was deactivated or role changed. */
export const LIVE_ACCESS_ENDED = 4401;

export const liveServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: z.number() }),
  z.object({ type: z.literal('ticket.created'), ticketId: z.number() }),
  z.object({ type: z.literal('ticket.changed'), ticketId: z.number(), version: z.number().nullable() }),
  z.object({
    type: z.literal('ticket.replying'),
    ticketId: z.number(),
    agents: z.array(z.object({ userId: z.number(), name: z.string(), until: z.string() })),
  }),
  z.object({
    type: z.literal('presence'),
    ticketId: z.number(),
    viewers: z.array(z.object({ userId: z.number(), name: z.string(), replying: z.boolean() })),
  }),
]);
export type LiveServerMessage = z.infer<typeof liveServerMessage>;

export const liveClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), ticketId: z.number().int().positive() }),
  z.object({ type: z.literal('unwatch'), ticketId: z.number().int().positive() }),
  z.object({ type: z.literal('replying'), ticketId: z.number().int().positive(), replying: z.boolean() }),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessage>;

/**
 * A customer's own live channel: a WebSocket at /api/v1/portal/live, authenticated by the
 * portal session. It says only that one of the customer's own requests changed in a way they
 * can see (a reply, a new status, a new request); the portal then reads it again through the API.
 */
export const portalLiveMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello') }),
  z.object({ type: z.literal('request.changed'), ticketId: z.number() }),
]);
export type PortalLiveMessage = z.infer<typeof portalLiveMessage>;
