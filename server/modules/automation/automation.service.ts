import type { z } from 'zod';
import type {
  automationDryRunBody,
  createAutomationBody,
  createTriggerBody,
  DryRunResult,
  orderBody,
  Trigger,
  triggerDryRunBody,
  updateAutomationBody,
  updateTriggerBody,
} from '../../../contracts/automation';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { writeSetting } from '../settings';
import { ticketsByIds } from '../tickets';
import type { RulePorts } from './automation.actions';
import { checkRule } from './automation.checks';
import { automationOf, compileRules, namesFor, triggerOf } from './automation.compiled';
import { ensureDefaultAutomation } from './automation.defaults';
import { gatherFacts } from './automation.facts';
import { automationRepository as repo } from './automation.repository';
import { planActions, runsOn } from './automation.rules';
import { automationsToRun, dryRunAutomation, runAutomation } from './automation.sweep';
import {
  AUTO_CLOSE_SETTING,
  assertEvery,
  autoCloseDays,
  automationNotFound,
  invalid,
  loadAutomation,
  loadTrigger,
  recordRuleRemoval,
  recordRuleWrite,
  toAutomation,
  toTrigger,
  triggerNotFound,
} from './automation.writes';

type TriggerInput = z.output<typeof createTriggerBody>;
type TriggerPatch = z.output<typeof updateTriggerBody>;
type AutomationInput = z.output<typeof createAutomationBody>;
type AutomationPatch = z.output<typeof updateAutomationBody>;

const DRY_RUN_TICKETS = 100;

/** Triggers: their list, editor and order, and the dry run against the newest tickets. */
export function automationService({ db }: AppDeps, ports: RulePorts) {
  return {
    async listTriggers(ctx: RequestContext) {
      authorize(ctx.actor, 'automation.read');
      const rows = await repo.triggers.list(db);
      const names = await namesFor(db, rows.map(triggerOf));
      return { data: rows.map((r) => toTrigger(r, names)) };
    },

    async getTrigger(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'automation.read');
      return loadTrigger(db, id);
    },

    async createTrigger(ctx: RequestContext, input: TriggerInput) {
      authorize(ctx.actor, 'automation.manage');
      await checkRule(db, input.conditions, input.actions);
      return db.transaction().execute(async (trx) => {
        const now = nowIso();
        const id = await repo.triggers.insert(trx, {
          name: input.name,
          active: input.active ? 1 : 0,
          position: await repo.triggers.nextPosition(trx),
          run_on: input.when,
          conditions: JSON.stringify(input.conditions),
          actions: JSON.stringify(input.actions),
          last_fired_at: null,
          created_at: now,
          updated_at: now,
        });
        return recordRuleWrite(trx, ctx, 'trigger', id);
      });
    },

    async updateTrigger(ctx: RequestContext, id: number, input: TriggerPatch) {
      authorize(ctx.actor, 'automation.manage');
      const current = await loadTrigger(db, id);
      await checkRule(db, input.conditions ?? current.conditions, input.actions ?? current.actions);
      return db.transaction().execute(async (trx) => {
        const before = await loadTrigger(trx, id);
        await repo.triggers.update(trx, id, {
          name: input.name,
          active: input.active === undefined ? undefined : input.active ? 1 : 0,
          run_on: input.when,
          conditions: input.conditions ? JSON.stringify(input.conditions) : undefined,
          actions: input.actions ? JSON.stringify(input.actions) : undefined,
          updated_at: nowIso(),
        });
        return recordRuleWrite(trx, ctx, 'trigger', id, before);
      });
    },

    async removeTrigger(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'automation.manage');
      await db.transaction().execute(async (trx) => {
        const before = await loadTrigger(trx, id);
        await repo.triggers.remove(trx, id);
        await recordRuleRemoval(trx, ctx, 'trigger', id, before.name);
      });
    },

    async orderTriggers(ctx: RequestContext, input: z.output<typeof orderBody>) {
      authorize(ctx.actor, 'automation.manage');
      return db.transaction().execute(async (trx) => {
        const before = await repo.triggers.list(trx);
        assertEvery(
          before.map((t) => t.id),
          input.ids,
          'trigger',
        );
        const now = nowIso();
        for (const [i, id] of input.ids.entries()) await repo.triggers.setPosition(trx, id, i + 1, now);
        await repo.bumpRevision(trx, 'triggers');
        await recordAudit(trx, ctx, {
          action: 'trigger.reordered',
          entityType: 'trigger',
          entityId: input.ids[0]!,
          changes: {
            order: {
              before: before.map((t) => t.name),
              after: input.ids.map((id) => before.find((t) => t.id === id)!.name),
            },
          },
        });
        const rows = await repo.triggers.list(trx);
        const names = await namesFor(trx, rows.map(triggerOf));
        return { data: rows.map((r) => toTrigger(r, names)) };
      });
    },

    /**
     * A trigger (saved or a draft) against the newest 100 tickets: each ticket's latest change
     * replayed as it happened (created, or the fields it changed), whether the trigger would
     * match, and what it would change. Firing uses the same test and the same plan.
     */
    async dryRunTrigger(
      ctx: RequestContext,
      input: z.output<typeof triggerDryRunBody>,
    ): Promise<DryRunResult> {
      authorize(ctx.actor, 'automation.manage');
      let draft: {
        name: string;
        when: Trigger['when'];
        conditions: Trigger['conditions'];
        actions: Trigger['actions'];
      };
      if (input.trigger) {
        await checkRule(db, input.trigger.conditions, input.trigger.actions);
        draft = input.trigger;
      } else {
        const row = await repo.triggers.find(db, input.triggerId!);
        if (!row) throw triggerNotFound(input.triggerId!);
        draft = triggerOf(row);
      }
      const [rule] = await compileRules(db, [{ id: 0, ...draft }]);
      const ids = await repo.newestTicketIds(db, DRY_RUN_TICKETS);
      const [tickets, changes] = await Promise.all([ticketsByIds(db, ids), repo.latestChanges(db, ids)]);
      const now = Date.now();
      const data: DryRunResult['data'] = [];
      for (const ticket of tickets.sort((a, b) => b.id - a.id)) {
        const events = changes.get(ticket.id) ?? [];
        const created = events.some((e) => e.type === 'created');
        const facts = await gatherFacts(db, ticket, rule!.compiled.needs, events, now);
        const matched = runsOn(draft.when, created) && rule!.compiled.test(facts);
        data.push({
          ticketId: ticket.id,
          subject: ticket.subject,
          status: ticket.status,
          priority: ticket.priority,
          type: ticket.type,
          channel: ticket.channel,
          matched,
          changes: matched ? planActions(ticket, draft.actions, rule!.names).changes : [],
        });
      }
      return { checked: data.length, matched: data.filter((d) => d.matched).length, data };
    },

    async listAutomations(ctx: RequestContext) {
      authorize(ctx.actor, 'automation.read');
      await ensureDefaultAutomation(db);
      const rows = await repo.automations.list(db);
      const names = await namesFor(db, rows.map(automationOf));
      const days = await autoCloseDays(db);
      return { data: rows.map((r) => toAutomation(r, names, days)) };
    },

    async getAutomation(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'automation.read');
      return loadAutomation(db, id);
    },

    async createAutomation(ctx: RequestContext, input: AutomationInput) {
      authorize(ctx.actor, 'automation.manage');
      await checkRule(db, input.conditions, input.actions);
      return db.transaction().execute(async (trx) => {
        const now = nowIso();
        const id = await repo.automations.insert(trx, {
          name: input.name,
          active: input.active ? 1 : 0,
          position: await repo.automations.nextPosition(trx),
          kind: 'custom',
          system_key: null,
          conditions: JSON.stringify(input.conditions),
          actions: JSON.stringify(input.actions),
          last_run_at: null,
          created_at: now,
          updated_at: now,
        });
        return recordRuleWrite(trx, ctx, 'automation', id);
      });
    },

    /** Changes an automation; the default one's days are the auto-close setting, so that is where they go. */
    async updateAutomation(ctx: RequestContext, id: number, input: AutomationPatch) {
      authorize(ctx.actor, 'automation.manage');
      const current = await loadAutomation(db, id);
      await checkRule(db, input.conditions ?? current.conditions, input.actions ?? current.actions);
      return db.transaction().execute(async (trx) => {
        const before = await loadAutomation(trx, id);
        const now = nowIso();
        if (before.kind === 'auto_close' && input.conditions) {
          const hours = input.conditions.all.find((c) => c.field === 'hours_since_solved')?.value;
          if (typeof hours !== 'number' || hours < 24)
            throw invalid(
              ['conditions'],
              'The default automation closes tickets solved for at least a day (24 hours)',
            );
          await writeSetting(trx, AUTO_CLOSE_SETTING, String(Math.round(hours / 24)), now);
        }
        await repo.automations.update(trx, id, {
          name: input.name,
          active: input.active === undefined ? undefined : input.active ? 1 : 0,
          conditions: input.conditions ? JSON.stringify(input.conditions) : undefined,
          actions: input.actions ? JSON.stringify(input.actions) : undefined,
          updated_at: now,
        });
        return recordRuleWrite(trx, ctx, 'automation', id, before);
      });
    },

    async removeAutomation(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'automation.manage');
      await db.transaction().execute(async (trx) => {
        const before = await loadAutomation(trx, id);
        if (before.kind === 'auto_close')
          throw new AppError(
            'AUTOMATION_IS_DEFAULT',
            'The default automation closes solved tickets; turn it off instead of deleting it',
          );
        await repo.automations.remove(trx, id);
        await recordRuleRemoval(trx, ctx, 'automation', id, before.name);
      });
    },

    /** Which tickets an automation (saved or a draft) would act on in its next run, and what it would change. */
    async dryRunAutomation(
      ctx: RequestContext,
      input: z.output<typeof automationDryRunBody>,
    ): Promise<DryRunResult> {
      authorize(ctx.actor, 'automation.manage');
      if (input.automation) {
        await checkRule(db, input.automation.conditions, input.automation.actions);
        const [rule] = await compileRules(db, [{ id: 0, ...input.automation }]);
        return dryRunAutomation(db, rule!);
      }
      const id = input.automationId!;
      const [rule] = await automationsToRun(db, [id]);
      if (!rule) throw automationNotFound(id);
      return dryRunAutomation(db, rule);
    },

    /** Runs an automation now (active or not), each ticket still once per period. */
    async runAutomation(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'automation.manage');
      const [rule] = await automationsToRun(db, [id]);
      if (!rule) throw automationNotFound(id);
      const count = await runAutomation(db, rule, ports);
      await recordAudit(db, ctx, {
        action: 'automation.ran',
        entityType: 'automation',
        entityId: id,
        after: { name: rule.name, ...count },
      });
      return count;
    },
  };
}

export type AutomationService = ReturnType<typeof automationService>;
