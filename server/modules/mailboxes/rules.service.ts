import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  createMailRuleBody,
  MailRule,
  MailSettings,
  updateMailSettingsBody,
} from '../../../contracts/mail';
import type { DbOrTrx } from '../../db/database';
import type { MailRulesTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { readSetting, writeSetting } from '../settings';
import { mailboxesRepository as repo } from './mailboxes.repository';

export const DEFAULT_SENDER_LIMIT_PER_HOUR = 30;

const toRule = (row: Selectable<MailRulesTable>): MailRule => ({
  id: row.id,
  kind: row.kind,
  header: row.header,
  pattern: row.pattern,
  note: row.note,
  createdAt: row.created_at,
});

export async function loadMailSettings(db: DbOrTrx): Promise<MailSettings> {
  const limit = Number(await readSetting(db, 'mail.senderLimitPerHour'));
  return { senderLimitPerHour: Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_SENDER_LIMIT_PER_HOUR };
}

/** Spam rules and the loop guard (messages per sender per hour) that apply to every mailbox. */
export function mailRulesService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext) {
      authorize(ctx.actor, 'channels.manage');
      return (await repo.listRules(db)).map(toRule);
    },

    async add(ctx: RequestContext, input: z.output<typeof createMailRuleBody>) {
      authorize(ctx.actor, 'channels.manage');
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertRule(trx, { ...input, created_at: nowIso() });
        const rule = toRule((await repo.findRule(trx, id))!);
        await recordAudit(trx, ctx, {
          action: 'mail_rule.created',
          entityType: 'mail_rule',
          entityId: id,
          after: rule,
        });
        return rule;
      });
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'channels.manage');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findRule(trx, id);
        if (!row) throw notFound('MAIL_RULE_NOT_FOUND', `Spam rule ${id}`);
        await repo.removeRule(trx, id);
        await recordAudit(trx, ctx, {
          action: 'mail_rule.deleted',
          entityType: 'mail_rule',
          entityId: id,
          before: toRule(row),
        });
      });
    },

    async settings(ctx: RequestContext) {
      authorize(ctx.actor, 'channels.manage');
      return loadMailSettings(db);
    },

    async updateSettings(ctx: RequestContext, input: z.output<typeof updateMailSettingsBody>) {
      authorize(ctx.actor, 'channels.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadMailSettings(trx);
        if (input.senderLimitPerHour !== undefined)
          await writeSetting(trx, 'mail.senderLimitPerHour', String(input.senderLimitPerHour), nowIso());
        const after = await loadMailSettings(trx);
        await recordAudit(trx, ctx, {
          action: 'settings.updated',
          entityType: 'settings',
          entityId: 'mail',
          before: { ...before },
          after: { ...after },
        });
        return after;
      });
    },
  };
}

export type MailRulesService = ReturnType<typeof mailRulesService>;
