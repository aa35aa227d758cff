import type { z } from 'zod';
import type { JobFailure, listJobFailuresQuery } from '../../../contracts/jobs';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { type JobFailureRow, jobFailuresRepository as repo } from '../../platform/job-failures.repository';
import { cursorId, encodeCursor } from '../../platform/pagination';

function toJobFailure(row: JobFailureRow): JobFailure {
  return {
    id: row.id,
    job: row.job,
    item: row.item_key,
    label: row.label,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'dead' ? null : row.next_attempt_at,
    firstFailedAt: row.first_failed_at,
    updatedAt: row.updated_at,
  };
}

const failureNotFound = (id: number) => notFound('JOB_FAILURE_NOT_FOUND', `Failed job item ${id}`);

/**
 * Items background jobs could not process, for admins: see them, retry them (the job takes the
 * item on its next run) or discard them.
 */
export function jobsService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext, query: z.output<typeof listJobFailuresQuery>) {
      authorize(ctx.actor, 'settings.manage');
      const rows = await repo.list(
        db,
        { status: query.status, beforeId: cursorId(query.cursor) ?? undefined },
        query.limit + 1,
      );
      const more = rows.length > query.limit;
      const page = more ? rows.slice(0, query.limit) : rows;
      return {
        data: page.map(toJobFailure),
        nextCursor: more ? encodeCursor([page.at(-1)!.id]) : null,
        counts: await repo.counts(db),
      };
    },

    /** The item's next attempt is now; a dead letter gets one more attempt. */
    async retry(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'settings.manage');
      return db.transaction().execute(async (trx) => {
        const row = await repo.findById(trx, id);
        if (!row) throw failureNotFound(id);
        const now = nowIso();
        await repo.update(trx, id, {
          status: 'retrying',
          attempts: row.attempts,
          last_error: row.last_error,
          next_attempt_at: now,
          updated_at: now,
          label: row.label,
        });
        await recordAudit(trx, ctx, {
          action: 'job_failure.retried',
          entityType: 'job_failure',
          entityId: id,
          changes: { status: { before: row.status, after: 'retrying' } },
        });
        return toJobFailure((await repo.findById(trx, id))!);
      });
    },

    /** Gives up on the item: the job will not try it again. */
    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'settings.manage');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findById(trx, id);
        if (!row || !(await repo.removeById(trx, id))) throw failureNotFound(id);
        await recordAudit(trx, ctx, {
          action: 'job_failure.discarded',
          entityType: 'job_failure',
          entityId: id,
          before: { job: row.job, item: row.item_key, label: row.label, status: row.status },
        });
      });
    },
  };
}

export type JobsService = ReturnType<typeof jobsService>;
