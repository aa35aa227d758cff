import type { z } from 'zod';
import type {
  MailTemplate,
  previewTemplateBody,
  TemplateKey,
  updateMailTemplateBody,
} from '../../../contracts/mail';
import type { DbOrTrx } from '../../db/database';
import type { MailTemplatesTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { renderMarkdown } from '../../platform/markdown';
import { renderTemplate, sampleValues, templateDefaults, unknownPlaceholders } from './templates.defaults';
import { templatesRepository as repo } from './templates.repository';

function toTemplate(key: TemplateKey, row: MailTemplatesTable | undefined): MailTemplate {
  const def = templateDefaults[key];
  return {
    key,
    audience: def.audience,
    description: def.description,
    subject: row?.subject ?? def.subject,
    body: row?.body ?? def.body,
    enabled: row ? row.enabled === 1 : true,
    placeholders: def.placeholders,
    isDefault: row === undefined,
    updatedAt: row?.updated_at ?? null,
  };
}

/** The template as it reads now: edited or default. */
export async function loadTemplate(db: DbOrTrx, key: TemplateKey): Promise<MailTemplate> {
  return toTemplate(key, await repo.find(db, key));
}

function checkPlaceholders(key: TemplateKey, subject: string, body: string) {
  const unknown = unknownPlaceholders(key, subject, body);
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Unknown placeholder ${unknown.join(', ')}`, [
      {
        path: ['body'],
        message: `Use only ${templateDefaults[key].placeholders.map((p) => `{{${p}}}`).join(', ')}`,
      },
    ]);
  }
}

/** Notification templates: list, edit, preview, and reset to the default text. */
export function templatesService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext) {
      authorize(ctx.actor, 'channels.manage');
      const rows = new Map((await repo.list(db)).map((r) => [r.key, r]));
      return (Object.keys(templateDefaults) as TemplateKey[]).map((key) => toTemplate(key, rows.get(key)));
    },

    async update(ctx: RequestContext, key: TemplateKey, input: z.output<typeof updateMailTemplateBody>) {
      authorize(ctx.actor, 'channels.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadTemplate(trx, key);
        const subject = input.subject ?? before.subject;
        const body = input.body ?? before.body;
        checkPlaceholders(key, subject, body);
        await repo.save(trx, {
          key,
          subject,
          body,
          enabled: (input.enabled ?? before.enabled) ? 1 : 0,
          updated_at: nowIso(),
        });
        const after = await loadTemplate(trx, key);
        await recordAudit(trx, ctx, {
          action: 'mail_template.updated',
          entityType: 'mail_template',
          entityId: key,
          before: { subject: before.subject, body: before.body, enabled: before.enabled },
          after: { subject: after.subject, body: after.body, enabled: after.enabled },
        });
        return after;
      });
    },

    async reset(ctx: RequestContext, key: TemplateKey) {
      authorize(ctx.actor, 'channels.manage');
      return db.transaction().execute(async (trx) => {
        await repo.remove(trx, key);
        await recordAudit(trx, ctx, {
          action: 'mail_template.reset',
          entityType: 'mail_template',
          entityId: key,
        });
        return loadTemplate(trx, key);
      });
    },

    /** Renders unsaved text with sample values, so an admin sees the mail before saving. */
    preview(ctx: RequestContext, key: TemplateKey, input: z.output<typeof previewTemplateBody>) {
      authorize(ctx.actor, 'channels.manage');
      checkPlaceholders(key, input.subject, input.body);
      return renderTemplate(input.subject, input.body, sampleValues, {
        'message.body': renderMarkdown(sampleValues['message.body']!),
      });
    },
  };
}

export type TemplatesService = ReturnType<typeof templatesService>;
