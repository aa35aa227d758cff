import { VIEW_COUNT_LIMIT, type ViewFilters } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { keptWhileUnchanged } from '../../platform/kept';
import { queueIndexRepository, relevantViewer, type Viewer } from './queue-index.repository';
import { filtersAt } from './queues.filters';

/**
 * Live counts of queues, up to the views' limit; kept while tickets are unchanged when `stamp`
 * is given (ADR 0011): after each change every open Inbox and home page asks again, and shared
 * queues' counts are the same for everyone. With a time limit, a count that takes longer throws
 * `TimeLimitExceeded` (server/db/errors.ts).
 */
export function queueCounter(keep: boolean, timeLimitMs?: number) {
  const kept = keptWhileUnchanged<number>(keep);
  return async function counted(
    on: DbOrTrx,
    filters: ViewFilters,
    who: Viewer,
    stamp: string | null,
  ): Promise<{ count: number; countCapped: boolean }> {
    const viewer = relevantViewer(filters, who);
    const at = filtersAt(filters, Date.now());
    const n = await kept.answer(stamp, JSON.stringify({ filters: at, viewer }), () =>
      queueIndexRepository.countUpTo(on, at, viewer, VIEW_COUNT_LIMIT, timeLimitMs),
    );
    return { count: Math.min(n, VIEW_COUNT_LIMIT), countCapped: n > VIEW_COUNT_LIMIT };
  };
}
