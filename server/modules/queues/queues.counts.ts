import { VIEW_COUNT_LIMIT, type ViewFilters } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { keptWhileUnchanged } from '../../platform/kept';
import { queueIndexRepository, relevantViewer, type Viewer } from './queue-index.repository';

/**
 * Live counts of queues, up to the views' limit; kept while tickets are unchanged when `stamp`
 * is given (ADR 0011): after each change every open Inbox and home page asks again, and shared
 * queues' counts are the same for everyone.
 */
export function queueCounter(keep: boolean) {
  const kept = keptWhileUnchanged<number>(keep);
  return async function counted(on: DbOrTrx, filters: ViewFilters, who: Viewer, stamp: string | null) {
    const viewer = relevantViewer(filters, who);
    const n = await kept.answer(stamp, JSON.stringify({ filters, viewer }), () =>
      queueIndexRepository.countUpTo(on, filters, viewer, VIEW_COUNT_LIMIT),
    );
    return { count: Math.min(n, VIEW_COUNT_LIMIT), countCapped: n > VIEW_COUNT_LIMIT };
  };
}
