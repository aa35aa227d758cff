import type { DbOrTrx } from '../../db/database';
import type { MailboxesTable, MailRulesTable } from '../../db/schema';

type MailboxValues = Omit<
  MailboxesTable,
  'id' | 'created_at' | 'imap_claimed_until' | 'imap_last_polled_at' | 'imap_last_error'
>;

const mailboxColumns = [
  'mailboxes.id',
  'mailboxes.address',
  'mailboxes.display_name',
  'mailboxes.default_team_id',
  'teams.name as default_team_name',
  'mailboxes.default_category_id',
  'categories.name as default_category_name',
  'mailboxes.signature',
  'mailboxes.inbound_method',
  'mailboxes.imap',
  'mailboxes.imap_last_polled_at',
  'mailboxes.imap_last_error',
  'mailboxes.smtp_url',
  'mailboxes.auto_ack',
  'mailboxes.ack_subject',
  'mailboxes.ack_body',
  'mailboxes.is_default',
  'mailboxes.created_at',
  'mailboxes.updated_at',
] as const;

/** Mailboxes, the spam rules that apply to all of them, and the IMAP polling claims. */
export const mailboxesRepository = {
  list(db: DbOrTrx) {
    return db
      .selectFrom('mailboxes')
      .leftJoin('teams', 'teams.id', 'mailboxes.default_team_id')
      .leftJoin('categories', 'categories.id', 'mailboxes.default_category_id')
      .select(mailboxColumns)
      .orderBy('mailboxes.address')
      .execute();
  },

  findById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('mailboxes')
      .leftJoin('teams', 'teams.id', 'mailboxes.default_team_id')
      .leftJoin('categories', 'categories.id', 'mailboxes.default_category_id')
      .select(mailboxColumns)
      .where('mailboxes.id', '=', id)
      .executeTakeFirst();
  },

  async addressExists(db: DbOrTrx, address: string): Promise<boolean> {
    const row = await db
      .selectFrom('mailboxes')
      .select('id')
      .where('address', '=', address)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The mailbox that sends for tickets that did not arrive by mail: the default, else the oldest. */
  async defaultMailbox(db: DbOrTrx) {
    const row = await db
      .selectFrom('mailboxes')
      .select('id')
      .orderBy('is_default', 'desc')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row ? this.findById(db, row.id) : undefined;
  },

  async insert(db: DbOrTrx, values: MailboxValues, now: string): Promise<number> {
    const row = await db
      .insertInto('mailboxes')
      .values({ ...values, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Partial<MailboxValues>) {
    await db.updateTable('mailboxes').set(values).where('id', '=', id).execute();
  },

  async clearDefault(db: DbOrTrx, exceptId: number) {
    await db.updateTable('mailboxes').set({ is_default: 0 }).where('id', '!=', exceptId).execute();
  },

  async remove(db: DbOrTrx, id: number) {
    await db.deleteFrom('mailboxes').where('id', '=', id).execute();
  },

  /** IMAP mailboxes due for a poll, claimed for two minutes so only one node polls each. */
  async claimDueImap(db: DbOrTrx, now: string, until: string) {
    const due = await db
      .selectFrom('mailboxes')
      .select(['id', 'imap', 'imap_last_polled_at'])
      .where('inbound_method', '=', 'imap')
      .where((eb) => eb.or([eb('imap_claimed_until', 'is', null), eb('imap_claimed_until', '<', now)]))
      .execute();
    const claimed: { id: number; imap: string }[] = [];
    for (const box of due) {
      if (!box.imap) continue;
      const interval = (JSON.parse(box.imap) as { intervalSeconds?: number }).intervalSeconds ?? 60;
      if (box.imap_last_polled_at && Date.parse(box.imap_last_polled_at) + interval * 1000 > Date.parse(now))
        continue;
      const result = await db
        .updateTable('mailboxes')
        .set({ imap_claimed_until: until })
        .where('id', '=', box.id)
        .where((eb) => eb.or([eb('imap_claimed_until', 'is', null), eb('imap_claimed_until', '<', now)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push({ id: box.id, imap: box.imap });
    }
    return claimed;
  },

  async releaseImap(db: DbOrTrx, id: number, now: string, error: string | null) {
    await db
      .updateTable('mailboxes')
      .set({ imap_claimed_until: null, imap_last_polled_at: now, imap_last_error: error })
      .where('id', '=', id)
      .execute();
  },

  listRules(db: DbOrTrx) {
    return db.selectFrom('mail_rules').selectAll().orderBy('id').execute();
  },

  async insertRule(db: DbOrTrx, values: Omit<MailRulesTable, 'id'>): Promise<number> {
    const row = await db.insertInto('mail_rules').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  findRule(db: DbOrTrx, id: number) {
    return db.selectFrom('mail_rules').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async removeRule(db: DbOrTrx, id: number) {
    await db.deleteFrom('mail_rules').where('id', '=', id).execute();
  },

  /** The mailbox's own SMTP server, if it has one. */
  smtpUrlOf(db: DbOrTrx, mailboxId: number) {
    return db.selectFrom('mailboxes').select('smtp_url').where('id', '=', mailboxId).executeTakeFirst();
  },
};

export type MailboxRow = NonNullable<Awaited<ReturnType<typeof mailboxesRepository.findById>>>;
