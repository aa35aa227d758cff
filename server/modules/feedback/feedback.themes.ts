import type { z } from 'zod';
import type { SurveyAnswer } from '../../../contracts/feedback';
import type {
  createThemeRuleBody,
  FeedbackTheme,
  ThemeRule,
  themeBody,
  updateThemeRuleBody,
} from '../../../contracts/feedback-loop';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { parseStringList } from '../../platform/json';
import { activeThemeRules } from './feedback.loop';
import { loadNpsAnswer } from './feedback.nps-answers';
import { feedbackRepository } from './feedback.repository';
import { answersWithThemes } from './feedback.service';
import { type AnswerKind, themesRepository as repo, type ThemeRuleRow } from './feedback.themes.repository';
import { matchThemes, normalisePhrase } from './feedback.themes.rules';

type ThemeBody = z.output<typeof themeBody>;
type CreateRuleBody = z.output<typeof createThemeRuleBody>;
type UpdateRuleBody = z.output<typeof updateThemeRuleBody>;

const BATCH = 200;

const toRule = (row: ThemeRuleRow): ThemeRule => ({
  id: row.id,
  theme: { id: row.theme_id, name: row.theme_name },
  phrases: parseStringList(row.phrases),
  active: row.active === 1,
  updatedAt: row.updated_at,
});

/** A rule's phrases as stored: normalised (lower case, words one space apart), without repeats or empties. */
function phrasesOf(input: readonly string[]): string[] {
  const out = [...new Set(input.map(normalisePhrase).filter((p) => p !== ''))];
  if (out.length === 0)
    throw new AppError('VALIDATION_FAILED', 'A rule needs at least one word', [
      { path: ['phrases'], message: 'Give at least one word or phrase with letters or digits' },
    ]);
  return out;
}

async function loadTheme(db: DbOrTrx, id: number) {
  const theme = await repo.theme(db, id);
  if (!theme) throw notFound('THEME_NOT_FOUND', `Theme #${id}`);
  return theme;
}

async function assertFreeName(db: DbOrTrx, name: string, id?: number) {
  const other = await repo.themeNamed(db, name);
  if (other && other.id !== id) throw new AppError('THEME_NAME_TAKEN', `A theme named "${name}" exists`);
}

async function loadAnswer(db: DbOrTrx, id: number): Promise<SurveyAnswer> {
  const row = await feedbackRepository.answerById(db, id);
  if (!row) throw notFound('SURVEY_ANSWER_NOT_FOUND', `Answer #${id}`);
  return (await answersWithThemes(db, [row]))[0]!;
}

/** Themes, their keyword rules, and tagging answers (CSAT and NPS) by hand or by re-running the rules. */
export function themesService({ db }: AppDeps) {
  /** Tags an answer of a kind by hand (`on`) or removes the tag, and answers it as the inbox shows it. */
  function tagging<Answer>(
    ctx: RequestContext,
    kind: AnswerKind,
    answerId: number,
    themeId: number,
    on: boolean,
    load: (trx: DbOrTrx, id: number) => Promise<Answer>,
  ): Promise<Answer> {
    authorize(ctx.actor, 'feedback.manage');
    return db.transaction().execute(async (trx) => {
      await load(trx, answerId);
      const theme = await loadTheme(trx, themeId);
      const what = { name: theme.name, answer: answerId, ...(kind === 'nps' ? { survey: 'nps' } : {}) };
      if (on) {
        await repo.tagByHand(trx, answerId, themeId, nowIso(), kind);
        await recordAudit(trx, ctx, {
          action: 'feedback.answer_tagged',
          entityType: 'feedback_theme',
          entityId: themeId,
          after: what,
        });
      } else if (await repo.untag(trx, answerId, themeId, kind))
        await recordAudit(trx, ctx, {
          action: 'feedback.answer_untagged',
          entityType: 'feedback_theme',
          entityId: themeId,
          before: what,
        });
      return load(trx, answerId);
    });
  }

  async function themeOut(trx: DbOrTrx, id: number): Promise<FeedbackTheme> {
    const row = (await repo.themes(trx)).find((t) => t.id === id)!;
    return { id: row.id, name: row.name, answers: row.answers, createdAt: row.created_at };
  }
  return {
    async themes(ctx: RequestContext): Promise<{ data: FeedbackTheme[] }> {
      authorize(ctx.actor, 'feedback.read');
      const rows = await repo.themes(db);
      return {
        data: rows.map((r) => ({ id: r.id, name: r.name, answers: r.answers, createdAt: r.created_at })),
      };
    },

    async createTheme(ctx: RequestContext, input: ThemeBody): Promise<FeedbackTheme> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        await assertFreeName(trx, input.name);
        const id = await repo.insertTheme(trx, input.name, nowIso());
        await recordAudit(trx, ctx, {
          action: 'feedback.theme_created',
          entityType: 'feedback_theme',
          entityId: id,
          after: { name: input.name },
        });
        return themeOut(trx, id);
      });
    },

    async updateTheme(ctx: RequestContext, id: number, input: ThemeBody): Promise<FeedbackTheme> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadTheme(trx, id);
        await assertFreeName(trx, input.name, id);
        await repo.renameTheme(trx, id, input.name);
        await recordAudit(trx, ctx, {
          action: 'feedback.theme_updated',
          entityType: 'feedback_theme',
          entityId: id,
          before: { name: before.name },
          after: { name: input.name },
        });
        return themeOut(trx, id);
      });
    },

    async deleteTheme(ctx: RequestContext, id: number): Promise<void> {
      authorize(ctx.actor, 'feedback.manage');
      await db.transaction().execute(async (trx) => {
        const before = await loadTheme(trx, id);
        await repo.deleteTheme(trx, id);
        await recordAudit(trx, ctx, {
          action: 'feedback.theme_deleted',
          entityType: 'feedback_theme',
          entityId: id,
          before: { name: before.name },
        });
      });
    },

    async rules(ctx: RequestContext): Promise<{ data: ThemeRule[] }> {
      authorize(ctx.actor, 'feedback.read');
      return { data: (await repo.rules(db)).map(toRule) };
    },

    async createRule(ctx: RequestContext, input: CreateRuleBody): Promise<ThemeRule> {
      authorize(ctx.actor, 'feedback.manage');
      const phrases = phrasesOf(input.phrases);
      return db.transaction().execute(async (trx) => {
        const theme = await loadTheme(trx, input.themeId);
        const id = await repo.insertRule(trx, {
          theme_id: theme.id,
          phrases: JSON.stringify(phrases),
          active: input.active ? 1 : 0,
          now: nowIso(),
        });
        await recordAudit(trx, ctx, {
          action: 'feedback.theme_rule_created',
          entityType: 'theme_rule',
          entityId: id,
          after: { name: theme.name, phrases, active: input.active },
        });
        return toRule((await repo.rule(trx, id))!);
      });
    },

    async updateRule(ctx: RequestContext, id: number, input: UpdateRuleBody): Promise<ThemeRule> {
      authorize(ctx.actor, 'feedback.manage');
      const phrases = input.phrases === undefined ? undefined : phrasesOf(input.phrases);
      return db.transaction().execute(async (trx) => {
        const before = await repo.rule(trx, id);
        if (!before) throw notFound('THEME_RULE_NOT_FOUND', `Theme rule #${id}`);
        await repo.updateRule(trx, id, {
          phrases: phrases === undefined ? undefined : JSON.stringify(phrases),
          active: input.active === undefined ? undefined : input.active ? 1 : 0,
          updated_at: nowIso(),
        });
        const after = (await repo.rule(trx, id))!;
        const { updatedAt: _b, ...was } = toRule(before);
        const { updatedAt: _a, ...now } = toRule(after);
        await recordAudit(trx, ctx, {
          action: 'feedback.theme_rule_updated',
          entityType: 'theme_rule',
          entityId: id,
          before: { name: was.theme.name, phrases: was.phrases, active: was.active },
          after: { name: now.theme.name, phrases: now.phrases, active: now.active },
        });
        return toRule(after);
      });
    },

    async deleteRule(ctx: RequestContext, id: number): Promise<void> {
      authorize(ctx.actor, 'feedback.manage');
      await db.transaction().execute(async (trx) => {
        const before = await repo.rule(trx, id);
        if (!before) throw notFound('THEME_RULE_NOT_FOUND', `Theme rule #${id}`);
        await repo.deleteRule(trx, id);
        await recordAudit(trx, ctx, {
          action: 'feedback.theme_rule_deleted',
          entityType: 'theme_rule',
          entityId: id,
          before: { name: before.theme_name, phrases: parseStringList(before.phrases) },
        });
      });
    },

    /**
     * Runs the active rules again over every past answer, CSAT and NPS, a batch per transaction: tags what
     * they match now and drops rule tags nothing matches any more (hand tags stay).
     */
    async runRules(ctx: RequestContext) {
      authorize(ctx.actor, 'feedback.manage');
      const compiled = await activeThemeRules(db);
      const now = nowIso();
      let answers = 0;
      let tagged = 0;
      let removed = 0;
      for (const kind of ['csat', 'nps'] as const) {
        let after = 0;
        for (;;) {
          const batch = await repo.comments(db, after, BATCH, false, kind);
          if (batch.length === 0) break;
          await db.transaction().execute(async (trx) => {
            for (const a of batch) {
              const change = await repo.setRuleTags(trx, a.id, matchThemes(a.comment, compiled), now, kind);
              tagged += change.added;
              removed += change.removed;
            }
          });
          answers += batch.length;
          after = batch.at(-1)!.id;
        }
      }
      await db.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          action: 'feedback.theme_rules_run',
          entityType: 'theme_rule',
          entityId: 'all',
          after: { answers, tagged, removed },
        }),
      );
      return { answers, tagged, removed };
    },

    tagAnswer: (ctx: RequestContext, answerId: number, themeId: number) =>
      tagging(ctx, 'csat', answerId, themeId, true, loadAnswer),
    untagAnswer: (ctx: RequestContext, answerId: number, themeId: number) =>
      tagging(ctx, 'csat', answerId, themeId, false, loadAnswer),
    tagNpsAnswer: (ctx: RequestContext, answerId: number, themeId: number) =>
      tagging(ctx, 'nps', answerId, themeId, true, loadNpsAnswer),
    untagNpsAnswer: (ctx: RequestContext, answerId: number, themeId: number) =>
      tagging(ctx, 'nps', answerId, themeId, false, loadNpsAnswer),
  };
}

export type ThemesService = ReturnType<typeof themesService>;
