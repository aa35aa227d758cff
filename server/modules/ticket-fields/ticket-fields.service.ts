import type { z } from 'zod';
import type {
  Category,
  CustomField,
  createCategoryBody,
  createCustomFieldBody,
  updateCategoryBody,
  updateCustomFieldBody,
} from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { parseStringList } from '../../platform/json';
import {
  type CategoryRow,
  type CustomFieldRow,
  ticketFieldsRepository as repo,
} from './ticket-fields.repository';

/** Categories as a tree flattened with their path ("Billing › Refunds"), parents first. */
function toCategories(rows: CategoryRow[]): Category[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (row: CategoryRow, seen = new Set<number>()): string => {
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
    if (!parent || seen.has(parent.id)) return row.name;
    seen.add(row.id);
    return `${pathOf(parent, seen)} › ${row.name}`;
  };
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      parentId: r.parent_id,
      path: pathOf(r),
      position: r.position,
      archived: r.archived_at !== null,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function toCustomField(row: CustomFieldRow): CustomField {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type,
    options: parseStringList(row.options),
    ticketTypes: parseStringList(row.ticket_types) as CustomField['ticketTypes'],
    required: row.required === 1,
    position: row.position,
    archived: row.archived_at !== null,
  };
}

export const loadCustomFields = async (db: DbOrTrx) => (await repo.customFields(db)).map(toCustomField);

/** Whether a ticket may use this category: it exists and is not archived. */
export async function isUsableCategory(db: DbOrTrx, id: number): Promise<boolean> {
  const row = await repo.findCategory(db, id);
  return row !== undefined && !row.archived_at;
}

/** Refuses a category a ticket may not use (unknown or archived). */
export async function assertUsableCategory(
  db: DbOrTrx,
  id: number | null | undefined,
  path: string[] = ['categoryId'],
) {
  if (id === null || id === undefined) return;
  if (!(await isUsableCategory(db, id))) {
    throw new AppError('VALIDATION_FAILED', `No active category with id ${id}`, [
      { path, message: 'Unknown or archived category' },
    ]);
  }
}

/** Stores a category row (seed data). */
export const insertCategoryRow = repo.insertCategory;
/** Stores a custom field row (seed data). */
export const insertCustomFieldRow = repo.insertCustomField;

export function ticketFieldsService({ db }: AppDeps) {
  async function assertParent(trx: DbOrTrx, parentId: number | null | undefined, selfId: number | null) {
    if (parentId === null || parentId === undefined) return;
    const all = await repo.categories(trx);
    const byId = new Map(all.map((c) => [c.id, c]));
    if (!byId.has(parentId))
      throw new AppError('VALIDATION_FAILED', `No category with id ${parentId}`, [
        { path: ['parentId'], message: 'Unknown category' },
      ]);
    for (
      let cursor: number | null = parentId;
      cursor !== null;
      cursor = byId.get(cursor)?.parent_id ?? null
    ) {
      if (cursor === selfId)
        throw new AppError('VALIDATION_FAILED', 'A category cannot sit under itself', [
          { path: ['parentId'], message: 'Would make a loop' },
        ]);
    }
  }

  return {
    async categories(ctx: RequestContext) {
      authorize(ctx.actor, 'tickets.read');
      return toCategories(await repo.categories(db));
    },

    async createCategory(ctx: RequestContext, input: z.output<typeof createCategoryBody>) {
      authorize(ctx.actor, 'ticket-fields.manage');
      return db.transaction().execute(async (trx) => {
        await assertParent(trx, input.parentId, null);
        const id = await repo.insertCategory(trx, { ...input, now: nowIso() });
        await recordAudit(trx, ctx, {
          action: 'category.created',
          entityType: 'category',
          entityId: id,
          after: { name: input.name, parentId: input.parentId },
        });
        return toCategories(await repo.categories(trx)).find((c) => c.id === id)!;
      });
    },

    async updateCategory(ctx: RequestContext, id: number, input: z.output<typeof updateCategoryBody>) {
      authorize(ctx.actor, 'ticket-fields.manage');
      return db.transaction().execute(async (trx) => {
        const before = await repo.findCategory(trx, id);
        if (!before) throw notFound('CATEGORY_NOT_FOUND', `Category ${id}`);
        await assertParent(trx, input.parentId, id);
        await repo.updateCategory(trx, id, {
          name: input.name,
          parent_id: input.parentId,
          position: input.position,
          archived_at:
            input.archived === undefined
              ? undefined
              : input.archived
                ? (before.archived_at ?? nowIso())
                : null,
        });
        const after = toCategories(await repo.categories(trx)).find((c) => c.id === id)!;
        await recordAudit(trx, ctx, {
          action: 'category.updated',
          entityType: 'category',
          entityId: id,
          before: { name: before.name, parentId: before.parent_id, archived: before.archived_at !== null },
          after: { name: after.name, parentId: after.parentId, archived: after.archived },
        });
        return after;
      });
    },

    async customFields(ctx: RequestContext) {
      authorize(ctx.actor, 'tickets.read');
      return loadCustomFields(db);
    },

    async createCustomField(ctx: RequestContext, input: z.output<typeof createCustomFieldBody>) {
      authorize(ctx.actor, 'ticket-fields.manage');
      if (input.type === 'dropdown' && input.options.length === 0) {
        throw new AppError('VALIDATION_FAILED', 'A dropdown needs at least one option', [
          { path: ['options'], message: 'Add options' },
        ]);
      }
      return db.transaction().execute(async (trx) => {
        if (await repo.findCustomFieldByKey(trx, input.key)) {
          throw new AppError('FIELD_KEY_TAKEN', `A field with the key "${input.key}" exists`, [
            { path: ['key'], message: 'Already in use' },
          ]);
        }
        const id = await repo.insertCustomField(trx, {
          key: input.key,
          label: input.label,
          type: input.type,
          options: JSON.stringify(input.options),
          ticket_types: JSON.stringify(input.ticketTypes),
          required: input.required ? 1 : 0,
          position: input.position,
          created_at: nowIso(),
        });
        const field = toCustomField((await repo.findCustomField(trx, id))!);
        await recordAudit(trx, ctx, {
          action: 'custom_field.created',
          entityType: 'custom_field',
          entityId: id,
          after: { ...field },
        });
        return field;
      });
    },

    async updateCustomField(ctx: RequestContext, id: number, input: z.output<typeof updateCustomFieldBody>) {
      authorize(ctx.actor, 'ticket-fields.manage');
      return db.transaction().execute(async (trx) => {
        const row = await repo.findCustomField(trx, id);
        if (!row) throw notFound('CUSTOM_FIELD_NOT_FOUND', `Custom field ${id}`);
        const before = toCustomField(row);
        await repo.updateCustomField(trx, id, {
          label: input.label,
          options: input.options ? JSON.stringify(input.options) : undefined,
          ticket_types: input.ticketTypes ? JSON.stringify(input.ticketTypes) : undefined,
          required: input.required === undefined ? undefined : input.required ? 1 : 0,
          position: input.position,
          archived_at:
            input.archived === undefined ? undefined : input.archived ? (row.archived_at ?? nowIso()) : null,
        });
        const after = toCustomField((await repo.findCustomField(trx, id))!);
        await recordAudit(trx, ctx, {
          action: 'custom_field.updated',
          entityType: 'custom_field',
          entityId: id,
          before: { ...before },
          after: { ...after },
        });
        return after;
      });
    },
  };
}

export type TicketFieldsService = ReturnType<typeof ticketFieldsService>;
