import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { routes } from '../../../contracts/api';
import { REPLYING_SECONDS, type TicketReplying } from '../../../contracts/tickets';
import { api } from '../../app/api';
import { type LiveViewer, useLiveStatus } from '../../app/live';
import { ticketsKeys } from '../tickets/tickets.queries';

/** Said again well before it lapses on the server. */
const REFRESH_MS = (REPLYING_SECONDS * 1000) / 2;

type ReplyingAgent = TicketReplying['agents'][number];

/**
 * While a reply is being written here, the server hears so (again every 15 s: it lapses after
 * 30 s unheard), and hears when it stops. Colleagues viewing the ticket are told on the live channel.
 */
export function useReplyingAnnouncement(ticketId: number, writing: boolean): void {
  useEffect(() => {
    if (!writing) return;
    const params = { id: ticketId };
    const say = () => void api.call(routes.tickets.startReplying, { params }).catch(() => undefined);
    say();
    const timer = window.setInterval(say, REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      void api.call(routes.tickets.stopReplying, { params }).catch(() => undefined);
    };
  }, [ticketId, writing]);
}

/** Agents replying to this ticket now (kept current by the live channel; polled while it is down). */
export function useReplyingAgents(ticketId: number): ReplyingAgent[] {
  const live = useLiveStatus();
  const query = useQuery({
    queryKey: ticketsKeys.replying(ticketId),
    queryFn: ({ signal }) => api.call(routes.tickets.replying, { params: { id: ticketId }, signal }),
    refetchInterval: live === 'open' ? false : REFRESH_MS,
  });
  const [now, setNow] = useState(() => Date.now());
  const agents = query.data?.agents ?? [];
  const current = agents.filter((a) => Date.parse(a.until) > now);
  // An entry whose browser went quiet disappears when it lapses, without waiting for the server.
  const nextEnd = Math.min(...current.map((a) => Date.parse(a.until)));
  useEffect(() => {
    if (!Number.isFinite(nextEnd)) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(0, nextEnd - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [nextEnd]);
  return current;
}

/** Colleagues on a ticket, each marked replying when the server says so. */
export function withReplying(viewers: LiveViewer[], agents: ReplyingAgent[], selfId: number): LiveViewer[] {
  const replying = new Set(agents.map((a) => a.userId));
  const merged = viewers.map((v) => ({ ...v, replying: v.replying || replying.has(v.userId) }));
  const seen = new Set(viewers.map((v) => v.userId));
  for (const agent of agents)
    if (!seen.has(agent.userId) && agent.userId !== selfId)
      merged.push({ userId: agent.userId, name: agent.name, replying: true });
  return merged;
}
