import type { z } from 'zod';
import type {
  createReferralBody,
  Referral,
  ReferralState,
  ReferralsQuery,
  referralStateBody,
  UpdateReferralBody,
} from '../../../contracts/referrals';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { findOrCreateCustomer, loadCustomer } from '../customers';
import type { TicketChange } from '../tickets';
import {
  type ReferralEventRow,
  type ReferralRow,
  type ReferralRowBase,
  referralsRepository as repo,
} from './referrals.repository';
import { isSelfReferral, moveProblem } from './referrals.rules';

type CreateBody = z.output<typeof createReferralBody>;
type StateBody = z.output<typeof referralStateBody>;
const LIST_LIMIT = 500;

function toReferral(row: ReferralRow, events: ReferralEventRow[]): Referral {
  return {
    id: row.id,
    referrer: { id: row.referrer_id, name: row.referrer_name, email: row.referrer_email },
    referred: { id: row.referred_id, name: row.referred_name, email: row.referred_email },
    source: row.source,
    note: row.note,
    ticket: row.ticket_id !== null ? { id: row.ticket_id, subject: row.ticket_subject ?? '' } : null,
    orderRef: row.order_ref,
    state: row.state,
    createdBy: row.created_by !== null ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at,
    stateChangedAt: row.state_changed_at,
    history: events
      .filter((e) => e.referral_id === row.id)
      .map((e) => ({
        from: e.from_state,
        to: e.to_state,
        actor: e.actor_id !== null ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
        note: e.note,
        at: e.at,
      })),
  };
}

const referralNotFound = (id: number) => notFound('REFERRAL_NOT_FOUND', `Referral #${id}`);

/** A customer named by id must exist (and not be merged away): a 400 on the field, not a 404 of the route. */
async function existingCustomer(db: DbOrTrx, id: number, field: string[]): Promise<number> {
  const problem = () =>
    new AppError('VALIDATION_FAILED', `No customer #${id}`, [{ path: field, message: 'No such customer' }]);
  try {
    const customer = await loadCustomer(db, id);
    if (customer.mergedIntoId !== null) throw problem();
    return customer.id;
  } catch (error) {
    if (error instanceof AppError && error.code === 'CUSTOMER_NOT_FOUND') throw problem();
    throw error;
  }
}

/**
 * The subscriber to ticket events (ADR 0021): a customer's new ticket becomes their referral's
 * first ticket, when the referral has none yet, in the transaction that opened it.
 */
export async function linkFirstTicket(db: DbOrTrx, change: TicketChange): Promise<void> {
  if (!change.events.some((e) => e.type === 'created')) return;
  await repo.linkTicket(db, change.ticketId, change.at);
}

export const referralsService = ({ db }: Pick<AppDeps, 'db'>) => {
  async function view(dbx: DbOrTrx, id: number): Promise<Referral> {
    const row = await repo.find(dbx, id);
    if (!row) throw referralNotFound(id);
    return toReferral(row, await repo.events(dbx, [id]));
  }

  return {
    async list(ctx: RequestContext, query: ReferralsQuery): Promise<{ data: Referral[] }> {
      authorize(ctx.actor, 'referrals.read');
      const rows = await repo.list(db, query, LIST_LIMIT);
      const events = await repo.events(
        db,
        rows.map((r) => r.id),
      );
      return { data: rows.map((r) => toReferral(r, events)) };
    },

    async get(ctx: RequestContext, id: number): Promise<Referral> {
      authorize(ctx.actor, 'referrals.read');
      return view(db, id);
    },

    /** Records who referred whom; the referred customer (found or created by address) may be referred once. */
    async create(ctx: RequestContext, body: CreateBody): Promise<Referral> {
      authorize(ctx.actor, 'referrals.write');
      return db.transaction().execute(async (trx) => {
        const at = nowIso();
        const referrerId = await existingCustomer(trx, body.referrerId, ['referrerId']);
        const referredId =
          'customerId' in body.referred
            ? await existingCustomer(trx, body.referred.customerId, ['referred', 'customerId'])
            : (await findOrCreateCustomer(trx, body.referred, at)).id;
        if (isSelfReferral(referrerId, referredId))
          throw new AppError('VALIDATION_FAILED', 'A customer cannot refer themselves', [
            { path: ['referred'], message: 'A customer cannot refer themselves' },
          ]);
        if (await repo.ofReferred(trx, referredId))
          throw new AppError('REFERRAL_EXISTS', 'This customer was already referred');
        const first = await repo.firstTicketOf(trx, referredId);
        const actorId = ctx.actor.type === 'user' ? ctx.actor.id : null;
        const id = await repo.insert(trx, {
          referrer_id: referrerId,
          referred_id: referredId,
          source: body.source,
          note: body.note,
          ticket_id: first?.id ?? null,
          order_ref: body.orderRef,
          state: 'pending',
          created_by: actorId,
          state_changed_at: at,
          created_at: at,
          updated_at: at,
        });
        if (id === null) throw new AppError('REFERRAL_EXISTS', 'This customer was already referred');
        await repo.addEvent(trx, {
          referral_id: id,
          from_state: null,
          to_state: 'pending',
          actor_id: actorId,
          note: '',
          at,
        });
        await recordAudit(trx, ctx, {
          action: 'referral.created',
          entityType: 'referral',
          entityId: id,
          after: { referrerId, referredId, source: body.source },
        });
        return view(trx, id);
      });
    },

    /** The note and the order reference: anyone who records referrals. */
    async update(ctx: RequestContext, id: number, body: UpdateReferralBody): Promise<Referral> {
      authorize(ctx.actor, 'referrals.write');
      return db.transaction().execute(async (trx) => {
        const was = await repo.find(trx, id);
        if (!was) throw referralNotFound(id);
        const next = { note: body.note ?? was.note, order_ref: body.orderRef ?? was.order_ref };
        await repo.update(trx, id, { ...next, updated_at: nowIso() });
        await recordAudit(trx, ctx, {
          action: 'referral.updated',
          entityType: 'referral',
          entityId: id,
          before: { note: was.note, orderRef: was.order_ref },
          after: { note: next.note, orderRef: next.order_ref },
        });
        return view(trx, id);
      });
    },

    /** The reward state: managers move it, each move kept with who and when. */
    async setState(ctx: RequestContext, id: number, body: StateBody): Promise<Referral> {
      authorize(ctx.actor, 'referrals.reward');
      return db.transaction().execute(async (trx) => {
        const was = await repo.find(trx, id);
        if (!was) throw referralNotFound(id);
        const to: ReferralState = body.state;
        if (was.state === to) return view(trx, id);
        const problem = moveProblem(was.state, to);
        if (problem) throw new AppError('INVALID_TRANSITION', problem);
        const at = nowIso();
        const moved = await repo.moveState(trx, id, was.state, {
          state: to,
          state_changed_at: at,
          updated_at: at,
        });
        if (!moved) throw new AppError('INVALID_TRANSITION', 'The referral changed meanwhile; reload it');
        const actorId = ctx.actor.type === 'user' ? ctx.actor.id : null;
        await repo.addEvent(trx, {
          referral_id: id,
          from_state: was.state,
          to_state: to,
          actor_id: actorId,
          note: body.note,
          at,
        });
        await recordAudit(trx, ctx, {
          action: 'referral.updated',
          entityType: 'referral',
          entityId: id,
          before: { state: was.state },
          after: { state: to },
        });
        return view(trx, id);
      });
    },
  };
};

export type ReferralsService = ReturnType<typeof referralsService>;

/** A referral as it went (demo data): recorded, its first ticket, and its reward moves. */
export interface PastReferral {
  referrerId: number;
  referredId: number;
  source: ReferralRowBase['source'];
  note: string;
  orderRef: string;
  createdBy: number | null;
  at: string;
  moves: { to: ReferralState; by: number | null; note: string; at: string }[];
}

export async function insertPastReferral(db: DbOrTrx, past: PastReferral): Promise<number | null> {
  const last = past.moves.at(-1);
  const first = await repo.firstTicketOf(db, past.referredId);
  const id = await repo.insert(db, {
    referrer_id: past.referrerId,
    referred_id: past.referredId,
    source: past.source,
    note: past.note,
    ticket_id: first?.id ?? null,
    order_ref: past.orderRef,
    state: last?.to ?? 'pending',
    created_by: past.createdBy,
    state_changed_at: last?.at ?? past.at,
    created_at: past.at,
    updated_at: last?.at ?? past.at,
  });
  if (id === null) return null;
  await repo.addEvent(db, {
    referral_id: id,
    from_state: null,
    to_state: 'pending',
    actor_id: past.createdBy,
    note: '',
    at: past.at,
  });
  let from: ReferralState = 'pending';
  for (const m of past.moves) {
    await repo.addEvent(db, {
      referral_id: id,
      from_state: from,
      to_state: m.to,
      actor_id: m.by,
      note: m.note,
      at: m.at,
    });
    from = m.to;
  }
  return id;
}
