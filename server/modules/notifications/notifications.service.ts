import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { notificationsRepository as repo } from './notifications.repository';

/** What a notification is about: a message on a ticket and who caused it, or a ticket's service level. */
export interface NotificationAbout {
  kind:
    | 'mention'
    | 'mail_failed'
    | 'sla_warning'
    | 'sla_breach'
    | 'contract_review'
    | 'unassigned_alert'
    | 'automation'
    | 'follow_up'
    | 'spike_alert'
    | 'goal_at_risk';
  /** Null for what is not about a ticket (a contract's review). */
  ticketId: number | null;
  messageId: number | null;
  actorName: string;
  /** For service levels: which target ("First reply"). */
  detail?: string | null;
  now: string;
}

/** Rings the bell of each of the users, in the caller's transaction. */
export function notifyUsers(db: DbOrTrx, userIds: number[], about: NotificationAbout): Promise<void> {
  return repo.insert(db, userIds, about);
}

const kinds: ReadonlySet<string> = new Set([
  'mention',
  'mail_failed',
  'sla_warning',
  'sla_breach',
  'contract_review',
  'unassigned_alert',
  'automation',
  'follow_up',
  'spike_alert',
  'goal_at_risk',
]);
const kindOf = (kind: string) => (kinds.has(kind) ? (kind as NotificationAbout['kind']) : 'mention');

function userOf(ctx: RequestContext): number {
  if (ctx.actor.type !== 'user') throw new AppError('FORBIDDEN', 'API tokens have no profile');
  return ctx.actor.id;
}

/** The bell as its owner reads it: the latest notifications, the unread count, marking read. */
export function notificationsService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext) {
      const userId = userOf(ctx);
      const rows = await repo.latest(db, userId);
      return {
        data: rows.map((r) => ({
          id: r.id,
          kind: kindOf(r.kind),
          detail: r.detail,
          ticketId: r.ticket_id,
          actorName: r.actor_name,
          read: r.read_at !== null,
          createdAt: r.created_at,
        })),
        unread: await repo.unreadCount(db, userId),
      };
    },

    async markRead(ctx: RequestContext, ids: number[] | undefined) {
      await repo.markRead(db, userOf(ctx), ids, nowIso());
    },
  };
}

export type NotificationsService = ReturnType<typeof notificationsService>;
