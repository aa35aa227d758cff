import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { withSavepoint } from '../../db/savepoint';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { announceTicket, loadTicket } from '../tickets';
import { applyBounce } from './bounces';
import { classify, headerRecord, type IntakeSetup, loadIntakeSetup } from './ingest.classify';
import { deliverToSideConversation, deliverToTicket } from './ingest.deliver';
import { type Lane, type QueuedMailRow, inboundRepository as repo } from './mail-intake.repository';
import type { ParsedInbound } from './parse';
import { parseOffThread } from './parse.pool';

type Announce = () => void;

/** Mail processed per transaction: fewer commits, while other work waits only briefly. */
const BATCH = 8;

const failure = (error: unknown, prefix: string) =>
  `${prefix}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000);

/** One parsed mail, inside the batch's transaction: classify, put on a ticket, mark processed. */
async function processOne(
  trx: DbOrTrx,
  deps: AppDeps,
  setup: IntakeSetup,
  row: QueuedMailRow,
  parsed: ParsedInbound,
): Promise<Announce | null> {
  const now = nowIso();
  const headers = headerRecord(parsed);
  const verdict = await classify(trx, setup, row, parsed, headers, now);
  const subject = (parsed.subject || row.subject).slice(0, 300);
  if (verdict.status !== 'accept') {
    const returned = verdict.bounce ? await applyBounce(trx, parsed) : null;
    await repo.finish(
      trx,
      row.id,
      {
        status: verdict.status,
        reason: returned
          ? `Delivery report: a reply on ticket #${returned.ticketId} was not delivered`
          : verdict.reason,
        subject,
        mailbox_id: verdict.mailbox?.id,
        ticket_id: returned?.ticketId ?? null,
      },
      now,
    );
    return null;
  }
  const side = await deliverToSideConversation(trx, { row, parsed, ...verdict });
  if (side) {
    await repo.finish(
      trx,
      row.id,
      {
        status: side.duplicate ? 'ignored' : 'processed',
        reason: side.duplicate
          ? 'Already kept in a side conversation'
          : `Reply in a side conversation of ticket #${side.ticketId}`,
        ticket_id: side.ticketId,
        sender: verdict.sender.address,
        subject,
        mailbox_id: verdict.mailbox.id,
      },
      now,
    );
    if (side.duplicate) return null;
    // Staff see the new reply at once; the customer's channel is told nothing.
    const ticket = await loadTicket(trx, side.ticketId);
    return () => announceTicket(deps.live, ticket, { customerSees: false });
  }
  const ours = setup.mailboxes.map((m) => m.address);
  const delivered = await deliverToTicket(trx, deps.config, { row, parsed, ...verdict }, ours);
  if ('ignored' in delivered) {
    await repo.finish(
      trx,
      row.id,
      { status: 'ignored', reason: delivered.ignored, subject, mailbox_id: verdict.mailbox.id },
      now,
    );
    return null;
  }
  const { ticket, created } = delivered;
  await repo.finish(
    trx,
    row.id,
    {
      status: 'processed',
      reason: verdict.automated ? 'Automatic message: no acknowledgment sent' : null,
      ticket_id: ticket.id,
      sender: verdict.sender.address,
      subject,
      mailbox_id: verdict.mailbox.id,
    },
    now,
  );
  return () => announceTicket(deps.live, ticket, { created, customerSees: true });
}

type ParseResult = { row: QueuedMailRow; mail: ParsedInbound | null; error: unknown };

/** Parses a batch in the worker threads; a mail that cannot be parsed carries its error. */
async function parseBatch(rows: QueuedMailRow[]): Promise<ParseResult[]> {
  const outcomes = await parseOffThread(rows.map((row) => Buffer.from(row.raw)));
  return rows.map((row, i) => {
    const outcome = outcomes[i]!;
    return 'mail' in outcome
      ? { row, mail: outcome.mail, error: null }
      : { row, mail: null, error: new Error(outcome.error) };
  });
}

/** One parsed batch in one transaction, each mail in its own savepoint. */
function commitBatch(deps: AppDeps, setup: IntakeSetup, parsed: ParseResult[]) {
  return deps.db.transaction().execute(async (trx) => {
    const out: (Announce | null)[] = [];
    for (const { row, mail, error } of parsed) {
      if (!(await repo.lockQueued(trx, row.id))) continue;
      const fail = async (e: unknown, prefix: string) => {
        await repo.finish(trx, row.id, { status: 'failed', reason: failure(e, prefix) }, nowIso());
        return null;
      };
      if (!mail) {
        out.push(await fail(error, 'Could not be parsed'));
        continue;
      }
      out.push(
        await withSavepoint(
          trx,
          `mail_${row.id}`,
          () => processOne(trx, deps, setup, row, mail),
          (e) => fail(e, 'Could not be processed'),
        ),
      );
    }
    return out;
  });
}

/**
 * Works through queued mail until none is left (or `limit` is reached). Mail is parsed before
 * the transaction, in worker threads (parse.pool.ts), the next batch while this one commits.
 * Each batch commits together, each mail in its own savepoint, so one that throws is marked
 * failed with the reason and never blocks the rest. A crash before the commit leaves the
 * batch queued: it is processed again, once.
 */
export async function processInboundMail(deps: AppDeps, limit = 500, lane?: Lane): Promise<number> {
  const setup = await loadIntakeSetup(deps.db);
  const next = (afterId: number, done: number) =>
    done < limit
      ? repo.nextQueued(deps.db, afterId, Math.min(BATCH, limit - done), lane)
      : Promise.resolve([]);
  let done = 0;
  let rows = await next(0, 0);
  let parsing = parseBatch(rows);
  while (rows.length > 0) {
    const parsed = await parsing;
    // The next batch parses in the worker threads while this one is written.
    const following = await next(rows.at(-1)!.id, done + rows.length);
    parsing = parseBatch(following);
    const announces = await commitBatch(deps, setup, parsed);
    for (const announce of announces) announce?.();
    done += rows.length;
    rows = following;
  }
  await parsing;
  return done;
}

/**
 * Runs processInboundMail whenever asked, one run at a time, with a rerun if asked meanwhile.
 * On PostgreSQL several lanes work at once (each takes the ids of its own remainder), so the
 * round trips of one mail do not hold up the next; SQLite has one writer and one lane.
 */
export function inboundWorker(deps: AppDeps, onError: (error: unknown) => void) {
  const lanes = adapterOf(deps.db).writers;
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
        await Promise.all(
          Array.from({ length: lanes }, (_, index) =>
            processInboundMail(deps, 500, { index, count: lanes }).catch(onError),
          ),
        );
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  return { kick: run, idle: () => running ?? Promise.resolve() };
}
