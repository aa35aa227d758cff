// Trend charts' SQL. Volume by category or organisation reads the hourly aggregates; volume by
// tag or a custom field reads the period's tickets through their creation index; scores read
// the period's answers through their answered-at index. Never the whole tickets table.
import type { DbOrTrx } from '../../db/database';

export type AnswerSplit = 'category' | 'organization' | 'tag' | 'product';

export const trendsRepository = {
  /** Tickets opened per UTC hour and category (or organisation) in [from, until). */
  async createdByHour(db: DbOrTrx, column: 'category_id' | 'organization_id', from: string, until: string) {
    const rows = await db
      .selectFrom('report_hours')
      .select(['hour', `${column} as key`])
      .select((eb) => eb.fn.sum<number>('created').as('n'))
      .where('hour', '>=', from)
      .where('hour', '<', until)
      .groupBy(['hour', column])
      .having((eb) => eb.fn.sum('created'), '>', 0)
      .execute();
    return rows.map((r) => ({ at: r.hour, key: Number(r.key), n: Number(r.n ?? 0) }));
  },

  /** Each ticket opened in [from, until) with each of its tags (null: none). */
  createdWithTags(db: DbOrTrx, from: string, until: string) {
    return db
      .selectFrom('tickets as t')
      .leftJoin('ticket_tags as g', 'g.ticket_id', 't.id')
      .select(['t.created_at as at', 'g.tag as key'])
      .where('t.created_at', '>=', from)
      .where('t.created_at', '<', until)
      .execute();
  },

  /** Each ticket opened in [from, until) with its custom fields (JSON). */
  createdWithFields(db: DbOrTrx, from: string, until: string) {
    return db
      .selectFrom('tickets')
      .select(['created_at as at', 'custom_fields as fields'])
      .where('created_at', '>=', from)
      .where('created_at', '<', until)
      .execute();
  },

  /** Survey answers in [from, until) with what the split needs. */
  answers(db: DbOrTrx, split: AnswerSplit, from: string, until: string) {
    const base = db
      .selectFrom('survey_answers as a')
      .select(['a.answered_at as at', 'a.positive', 'a.effort'])
      .where('a.answered_at', '>=', from)
      .where('a.answered_at', '<', until);
    switch (split) {
      case 'category':
        return base
          .select(['a.category_id as key'])
          .select((eb) => eb.val<string>('').as('fields'))
          .execute();
      case 'organization':
        return base
          .select(['a.organization_id as key'])
          .select((eb) => eb.val<string>('').as('fields'))
          .execute();
      case 'tag':
        return base
          .leftJoin('ticket_tags as g', 'g.ticket_id', 'a.ticket_id')
          .select(['g.tag as key'])
          .select((eb) => eb.val<string>('').as('fields'))
          .execute();
      case 'product':
        return base
          .innerJoin('tickets as t', 't.id', 'a.ticket_id')
          .select((eb) => eb.val<null>(null).as('key'))
          .select(['t.custom_fields as fields'])
          .execute();
    }
  },

  /** NPS answers in [from, until) with the customer's organisation. */
  npsAnswers(db: DbOrTrx, from: string, until: string) {
    return db
      .selectFrom('nps_recipients')
      .select(['answered_at as at', 'organization_id as key', 'score'])
      .where('answered_at', '>=', from)
      .where('answered_at', '<', until)
      .where('score', 'is not', null)
      .execute();
  },

  categoryNames(db: DbOrTrx, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).execute();
  },

  organizationNames(db: DbOrTrx, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  },
};
