import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { LIVE_ACCESS_ENDED, type PortalLiveMessage } from '../../../contracts/live';
import { meQueryKey } from '../../app/session';
import { type LiveStatus, ReconnectingSocket } from '../../app/socket';
import { portalKeys } from './portal.keys';

const PortalLiveContext = createContext<LiveStatus>('closed');

/**
 * The customer's own live channel while the portal is open: an agent's reply or a new status
 * shows on the request and in the list without a reload. Changes in a burst become one refresh.
 */
export function PortalLiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    const changed = new Set<number>();
    let flushTimer: number | undefined;
    const flush = () => {
      flushTimer = undefined;
      void queryClient.invalidateQueries({ queryKey: portalKeys.requests, exact: true });
      for (const id of changed) void queryClient.invalidateQueries({ queryKey: portalKeys.request(id) });
      changed.clear();
    };
    const scheduleFlush = () => {
      if (flushTimer === undefined) flushTimer = window.setTimeout(flush, 250);
    };
    const socket = new ReconnectingSocket('/api/v1/portal/live', {
      // Whatever changed before the channel opened, or while it was down.
      open: () => void queryClient.invalidateQueries({ queryKey: portalKeys.all }),
      message: (raw) => {
        const message = raw as PortalLiveMessage;
        if (message.type !== 'request.changed') return;
        changed.add(message.ticketId);
        scheduleFlush();
      },
      close: (code) => {
        // The session ended: find out who we are now (the portal then shows its sign-in page).
        if (code === LIVE_ACCESS_ENDED) void queryClient.invalidateQueries({ queryKey: meQueryKey });
      },
      status: setStatus,
    });
    socket.start();
    return () => {
      window.clearTimeout(flushTimer);
      socket.stop();
    };
  }, [queryClient]);
  return <PortalLiveContext.Provider value={status}>{children}</PortalLiveContext.Provider>;
}

/** How often a portal page reads again on its own: never while live updates flow. */
export function usePortalPollInterval(whileDown: number): number | false {
  return useContext(PortalLiveContext) === 'open' ? false : whileDown;
}
