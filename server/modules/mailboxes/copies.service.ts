import type { z } from 'zod';
import type { TicketCopies, updateTicketCopiesBody } from '../../../contracts/mail';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { loadTicket } from '../tickets';
import { MAX_COPIES, readCopies, saveCopies } from './copies';
import { mailboxesRepository } from './mailboxes.repository';
import { threadsRepository as repo } from './threads.repository';

type CopiesChange = z.output<typeof updateTicketCopiesBody>;

const invalid = (field: keyof CopiesChange, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: [field], message }]);

/** The change applied: removed copies go, added ones join (settling their suggestion), dismissed suggestions go. */
function applyChange(before: TicketCopies, change: CopiesChange): TicketCopies {
  const settled = new Set([...change.add, ...change.dismiss]);
  const kept = before.copies.filter((a) => !change.remove.includes(a));
  return {
    copies: [...new Set([...kept, ...change.add])],
    suggestions: before.suggestions.filter((s) => !settled.has(s.address)),
  };
}

const forAudit = (state: TicketCopies) => ({
  copies: state.copies,
  suggestions: state.suggestions.map((s) => s.address),
});

/** A ticket's copies for staff: read them, add or dismiss suggestions, remove copies. */
export function copiesService({ db }: AppDeps) {
  return {
    async get(ctx: RequestContext, ticketId: number): Promise<TicketCopies> {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, ticketId);
      return readCopies(await repo.ticketMail(db, ticketId));
    },

    async update(ctx: RequestContext, ticketId: number, change: CopiesChange): Promise<TicketCopies> {
      authorize(ctx.actor, 'tickets.write');
      const both = change.add.find((a) => change.remove.includes(a) || change.dismiss.includes(a));
      if (both) throw invalid('add', `${both} cannot be added and removed or dismissed at once`);
      return db.transaction().execute(async (trx) => {
        const ticket = await loadTicket(trx, ticketId);
        for (const address of change.add) {
          if (address === ticket.requester.email)
            throw invalid('add', `${address} is the requester: mail goes to them anyway`);
          if (await mailboxesRepository.addressExists(trx, address))
            throw invalid('add', `${address} is one of our mailboxes`);
        }
        const before = readCopies(await repo.lockTicketMail(trx, ticketId));
        const after = applyChange(before, change);
        if (after.copies.length > MAX_COPIES)
          throw invalid('add', `A ticket keeps at most ${MAX_COPIES} addresses in copy`);
        await saveCopies(trx, ticketId, after);
        await recordAudit(trx, ctx, {
          action: 'ticket.copies_changed',
          entityType: 'ticket',
          entityId: ticketId,
          before: forAudit(before),
          after: forAudit(after),
        });
        return after;
      });
    },
  };
}

export type CopiesService = ReturnType<typeof copiesService>;
