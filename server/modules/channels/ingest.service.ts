import { simpleParser } from 'mailparser';
import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { announceTicket } from '../tickets/tickets.service';
import { type QueuedMailRow, inboundRepository as repo } from './inbound.repository';
import { classify, headerRecord, type IntakeSetup, loadIntakeSetup } from './ingest.classify';
import { deliverToTicket } from './ingest.deliver';

type Outcome = { ticketId: number | null; created: boolean; announce?: () => void };

/**
 * One received mail, in one transaction: parse, classify, put on a ticket, mark processed.
 * A crash anywhere before the commit leaves the mail queued, so it is processed again, once.
 */
async function processOne(
  trx: DbOrTrx,
  deps: AppDeps,
  setup: IntakeSetup,
  row: QueuedMailRow,
): Promise<Outcome> {
  const now = nowIso();
  const parsed = await simpleParser(row.raw, { skipTextToHtml: true, skipImageLinks: true });
  const headers = headerRecord(parsed);
  const verdict = await classify(trx, setup, row, parsed, headers, now);
  const subject = (parsed.subject ?? row.subject).slice(0, 300);
  if (verdict.status !== 'accept') {
    await repo.finish(trx, row.id, { status: verdict.status, reason: verdict.reason, subject }, now);
    return { ticketId: null, created: false };
  }
  const ours = setup.mailboxes.map((m) => m.address);
  const { ticket, created } = await deliverToTicket(trx, deps.config, { row, parsed, ...verdict }, ours);
  await repo.finish(
    trx,
    row.id,
    {
      status: 'processed',
      reason: verdict.automated ? 'Automatic message: no acknowledgment sent' : null,
      ticket_id: ticket.id,
      sender: verdict.sender.address,
      subject,
    },
    now,
  );
  return { ticketId: ticket.id, created, announce: () => announceTicket(deps.live, ticket, created) };
}

/**
 * Works through queued mail until none is left (or `limit` is reached). A mail that throws is
 * marked failed with the reason, for an admin to look at and retry; it never blocks the rest.
 */
export async function processInboundMail(deps: AppDeps, limit = 500): Promise<number> {
  let afterId = 0;
  let done = 0;
  const setup = await loadIntakeSetup(deps.db);
  while (done < limit) {
    const claim: { row?: QueuedMailRow } = {};
    try {
      const outcome = await deps.db.transaction().execute(async (trx) => {
        claim.row = await repo.claimNext(trx, afterId);
        return claim.row ? processOne(trx, deps, setup, claim.row) : null;
      });
      outcome?.announce?.();
    } catch (error) {
      if (!claim.row) throw error;
      const reason = `Could not be processed: ${error instanceof Error ? error.message : String(error)}`;
      await repo.finish(deps.db, claim.row.id, { status: 'failed', reason: reason.slice(0, 2000) }, nowIso());
    }
    if (!claim.row) break;
    afterId = claim.row.id;
    done += 1;
  }
  return done;
}

/** Runs processInboundMail whenever asked, one run at a time, with a rerun if asked meanwhile. */
export function inboundWorker(deps: AppDeps, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await processInboundMail(deps).catch(onError);
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  return { kick: run, idle: () => running ?? Promise.resolve() };
}
