import { type Insertable, type Selectable, sql } from 'kysely';
import type { PresenceStatus } from '../../../contracts/routing';
import type { TicketPriority } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { pick, prepared } from '../../db/prepared';
import type { AgentPresenceTable, RoutingLogTable, TeamRoutingTable } from '../../db/schema';
import { DETECT_CHARS } from './routing.language';

export type TeamRoutingRow = Selectable<TeamRoutingTable> & { team_name: string; lead_id: number | null };
export type PresenceRow = Selectable<AgentPresenceTable>;

/** A team's active staff with what routing keeps of them (settings and presence), before the columns are chosen. */
const teamStaff = (db: DbOrTrx, teamId: number) =>
  db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .leftJoin('agent_routing', 'agent_routing.user_id', 'users.id')
    .leftJoin('agent_presence', 'agent_presence.user_id', 'users.id')
    .where('team_members.team_id', '=', teamId)
    .where('users.deactivated_at', 'is', null)
    .where('users.role', '!=', 'customer');

/** What a routing decision weighs of each: the columns only, in no order (the caller sorts). */
const CANDIDATE_COLUMNS = [
  'users.id',
  'users.name',
  'users.skills',
  'users.languages',
  'agent_routing.capacity',
  'agent_routing.skill_levels',
  'agent_presence.status',
] as const;

/** The same columns as the keys of one JSON object per member. */
const CANDIDATE_ENTRIES = CANDIDATE_COLUMNS.map((column) => {
  const [table, name] = column.split('.') as [string, string];
  return [name, table, name] as const;
});

/** A team member as a routing decision reads them (`CANDIDATE_COLUMNS`). */
export interface CandidateRow {
  id: number;
  name: string;
  skills: string;
  languages: string;
  capacity: string | null;
  skill_levels: string | null;
  status: PresenceStatus | null;
}

/** An agent's open tickets of one channel and priority. */
export interface LoadRow {
  assignee_id: number;
  channel: string;
  priority: TicketPriority;
  n: number;
}

const LOAD_ENTRIES = [
  ['assignee_id', 'l', 'assignee_id'],
  ['channel', 'l', 'channel'],
  ['priority', 'l', 'priority'],
  ['n', 'l', 'n'],
] as const;

/** Open tickets held by a team's members, by agent, channel and priority: their loads (`LoadRow`). */
const teamLoads = (db: DbOrTrx, teamId: number) =>
  db
    .selectFrom('tickets')
    .select(['assignee_id', 'channel', 'priority', (eb) => eb.fn.countAll<number>().as('n')])
    // A literal: a partial index serves only a query that names its condition (migration 0052).
    .where('is_open', '=', sql.lit(1))
    .where('assignee_id', 'in', (eb) =>
      eb.selectFrom('team_members').select('team_members.user_id').where('team_members.team_id', '=', teamId),
    )
    .groupBy(['assignee_id', 'channel', 'priority']);

const candidatesQuery = prepared((db, p: { teamId: number }) =>
  teamStaff(db, p.teamId).select(CANDIDATE_COLUMNS),
);
const teamLoadsQuery = prepared((db, p: { teamId: number }) => teamLoads(db, p.teamId));

/**
 * Where rows are cheaper read as JSON text (SQLite, `readsRowsAsJson`): a team's candidates and,
 * with `loads`, their loads in one statement, each list as the text of one JSON array (ADR 0027).
 */
const staffAsJson = (loads: boolean) =>
  prepared((db, p: { teamId: number }) => {
    const adapter = adapterOf(db);
    return db.selectNoFrom([
      teamStaff(db, p.teamId)
        .select(adapter.jsonArrayOf(adapter.jsonObject(CANDIDATE_ENTRIES)).as('list'))
        .as('members'),
      (loads
        ? db
            .selectFrom(teamLoads(db, p.teamId).as('l'))
            .select(adapter.jsonArrayOf(adapter.jsonObject(LOAD_ENTRIES)).as('list'))
        : db.selectNoFrom(sql<string>`'[]'`.as('list'))
      ).as('loads'),
    ]);
  });
const staffJsonQuery = staffAsJson(false);
const staffWithLoadsJsonQuery = staffAsJson(true);

/**
 * A team's members as a routing decision reads them: `key`, a text that is the same exactly when
 * the rows are (the caller keeps its parse by it), and the rows, in no order.
 */
export interface StaffRead {
  key: string;
  rows(): CandidateRow[];
}

const membersQuery = prepared((db, p: { teamId: number }) =>
  teamStaff(db, p.teamId)
    .select([...CANDIDATE_COLUMNS, 'users.role', 'agent_presence.reason', 'agent_presence.changed_at'])
    .orderBy('users.id'),
);

/** The ticket with its category's and team's names and its first message: one round trip. */
const ticketQuery = prepared((db, p: { id: number }) =>
  db
    .selectFrom('tickets')
    .leftJoin('categories', 'categories.id', 'tickets.category_id')
    .leftJoin('teams', 'teams.id', 'tickets.team_id')
    .select((eb) => [
      eb
        .selectFrom('messages')
        // Only what the language detector reads: a long first message is not carried whole.
        .select((inner) =>
          inner.fn<string>('substr', ['messages.body', inner.lit(1), inner.lit(DETECT_CHARS)]).as('body'),
        )
        .whereRef('messages.ticket_id', '=', 'tickets.id')
        .orderBy('messages.id')
        .limit(1)
        .as('first_body'),
      'tickets.id',
      'tickets.subject',
      'tickets.channel',
      'tickets.priority',
      'tickets.team_id',
      'tickets.assignee_id',
      'tickets.is_open',
      'tickets.merged_into_id',
      'tickets.tags',
      'tickets.custom_fields',
      'categories.name as category_name',
      'teams.name as team_name',
    ])
    .where('tickets.id', '=', p.id),
);

const teamLockQuery = prepared((db, p: { teamId: number }) =>
  adapterOf(db).forUpdate(
    db
      .selectFrom('team_routing')
      .selectAll()
      // A subquery, so the lock stays on the routing row and the team itself can be renamed.
      .select((eb) =>
        eb
          .selectFrom('teams')
          .select('teams.name')
          .whereRef('teams.id', '=', 'team_routing.team_id')
          .as('team_name'),
      )
      .where('team_id', '=', p.teamId),
  ),
);

const categoryNameQuery = prepared((db, p: { id: number }) =>
  db.selectFrom('categories').select('name').where('id', '=', p.id),
);

const cursorUpdate = prepared((db, p: { teamId: number; userId: number }) =>
  db.updateTable('team_routing').set({ cursor_user_id: p.userId }).where('team_id', '=', p.teamId),
);

type LogValues = Omit<Selectable<RoutingLogTable>, 'id'>;
const logColumns = [
  'ticket_id',
  'team_id',
  'method',
  'assignee_id',
  'outcome',
  'reason',
  'detail',
  'created_at',
] as const satisfies readonly (keyof LogValues)[];
/** Every routed ticket writes one: built once, every column given. */
const logInsert = prepared((db, p: LogValues) => db.insertInto('routing_log').values(pick(p, logColumns)));

const methodQuery = prepared((db, p: { teamId: number }) =>
  db.selectFrom('team_routing').select('method').where('team_id', '=', p.teamId),
);

/** Routing's tables (team methods, agent settings, presence, the log, alerts) and what it reads of tickets, teams and users. */
export const routingRepository = {
  /** A team's routing, its row locked until the transaction ends (PostgreSQL): the round-robin cursor moves one decision at a time. */
  teamForRouting(db: DbOrTrx, teamId: number) {
    return teamLockQuery.first(db, { teamId });
  },

  /** A category's name: the skill a ticket opened in it may need. */
  categoryName(db: DbOrTrx, id: number) {
    return categoryNameQuery.first(db, { id }).then((r) => r?.name ?? null);
  },

  /** A team's method: every ticket opened in a team asks, so the statement is built once. */
  methodOf(db: DbOrTrx, teamId: number) {
    return methodQuery.first(db, { teamId }).then((r) => r?.method ?? 'manual');
  },

  /** Every team with its routing settings (defaults where none were set). */
  teams(db: DbOrTrx, teamId?: number) {
    let query = db
      .selectFrom('teams')
      .leftJoin('team_routing', 'team_routing.team_id', 'teams.id')
      .leftJoin('users as lead', 'lead.id', 'teams.lead_id')
      .select([
        'teams.id',
        'teams.name',
        'teams.lead_id',
        'lead.name as lead_name',
        'team_routing.method',
        'team_routing.redistribute_offline',
        'team_routing.alert_after_minutes',
      ])
      .orderBy('teams.name');
    if (teamId !== undefined) query = query.where('teams.id', '=', teamId);
    return query.execute();
  },

  async upsertTeam(db: DbOrTrx, values: Insertable<TeamRoutingTable>) {
    const { team_id: _, ...change } = values;
    await db
      .insertInto('team_routing')
      .values(values)
      .onConflict((oc) => oc.column('team_id').doUpdateSet(change))
      .execute();
  },

  async setCursor(db: DbOrTrx, teamId: number, userId: number) {
    await cursorUpdate.run(db, { teamId, userId });
  },

  /** A team's active staff with their routing settings and presence. */
  members(db: DbOrTrx, teamId: number) {
    return membersQuery.rows(db, { teamId });
  },

  /** Open tickets of these agents by channel and priority: their load. */
  loads(db: DbOrTrx, userIds: number[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('tickets')
      .select(['assignee_id', 'channel', 'priority', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assignee_id', 'in', userIds)
      .where('is_open', '=', 1)
      .groupBy(['assignee_id', 'channel', 'priority'])
      .execute();
  },

  /**
   * A team's active staff as a routing decision weighs them and, with `loads`, the open tickets
   * they hold by channel and priority (else none). On SQLite one statement that answers each list
   * as one JSON text; on PostgreSQL, where building that JSON costs the server more than sending
   * the rows, the rows of one statement each.
   */
  async staff(
    db: DbOrTrx,
    teamId: number,
    loads: boolean,
  ): Promise<{ members: StaffRead; loads: LoadRow[] }> {
    if (adapterOf(db).readsRowsAsJson) {
      const row = await (loads ? staffWithLoadsJsonQuery : staffJsonQuery).first(db, { teamId });
      const text = row?.members ?? '[]';
      return {
        members: { key: text, rows: () => JSON.parse(text) as CandidateRow[] },
        loads: JSON.parse(row?.loads ?? '[]') as LoadRow[],
      };
    }
    const rows = (await candidatesQuery.rows(db, { teamId })) as CandidateRow[];
    return {
      members: { key: JSON.stringify(rows), rows: () => rows },
      loads: loads ? ((await teamLoadsQuery.rows(db, { teamId })) as LoadRow[]) : [],
    };
  },

  unassignedCounts(db: DbOrTrx) {
    return db
      .selectFrom('tickets')
      .select(['team_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('team_id', 'is not', null)
      .where('assignee_id', 'is', null)
      .where('is_open', '=', 1)
      .groupBy('team_id')
      .execute();
  },

  /** What routing reads of a ticket: where it is, what it needs, and its category's name. */
  ticket(db: DbOrTrx, id: number) {
    return ticketQuery.first(db, { id });
  },

  /** Open tickets an agent holds; `redistributing`: only those whose team hands them on when the agent goes offline. */
  openTicketsOf(db: DbOrTrx, userId: number, redistributing: boolean) {
    let query = db
      .selectFrom('tickets')
      .select('tickets.id')
      .where('tickets.assignee_id', '=', userId)
      .where('tickets.is_open', '=', 1)
      .orderBy('tickets.id');
    if (redistributing)
      query = query
        .innerJoin('team_routing', 'team_routing.team_id', 'tickets.team_id')
        .where('team_routing.redistribute_offline', '=', 1)
        .where('team_routing.method', '!=', 'manual');
    return query.execute().then((rows) => rows.map((r) => r.id));
  },

  agent(db: DbOrTrx, userId: number) {
    return db
      .selectFrom('users')
      .leftJoin('agent_routing', 'agent_routing.user_id', 'users.id')
      .leftJoin('agent_presence', 'agent_presence.user_id', 'users.id')
      .select([
        'users.id',
        'users.name',
        'users.role',
        'users.skills',
        'users.languages',
        'users.deactivated_at',
        'agent_routing.capacity',
        'agent_routing.skill_levels',
        'agent_presence.status',
        'agent_presence.reason',
        'agent_presence.changed_at',
      ])
      .where('users.id', '=', userId)
      .executeTakeFirst();
  },

  async upsertAgent(
    db: DbOrTrx,
    userId: number,
    values: { capacity: string; skill_levels: string; now: string },
  ) {
    const change = { capacity: values.capacity, skill_levels: values.skill_levels, updated_at: values.now };
    await db
      .insertInto('agent_routing')
      .values({ user_id: userId, ...change })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(change))
      .execute();
  },

  presence(db: DbOrTrx, userId: number) {
    return db.selectFrom('agent_presence').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },

  async setPresence(db: DbOrTrx, row: PresenceRow) {
    const { user_id: _, ...change } = row;
    await db
      .insertInto('agent_presence')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(change))
      .execute();
  },

  /** Moves a presence only if it is still what was read: two sweeping nodes change it once. */
  async claimPresence(
    db: DbOrTrx,
    before: PresenceRow,
    after: Omit<PresenceRow, 'user_id'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('agent_presence')
      .set(after)
      .where('user_id', '=', before.user_id)
      .where('status', '=', before.status)
      .where('changed_at', '=', before.changed_at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Online agents with the last time any of their sessions was used (null: none left). */
  onlineWithLastSeen(db: DbOrTrx) {
    return db
      .selectFrom('agent_presence')
      .leftJoin('sessions', 'sessions.user_id', 'agent_presence.user_id')
      .select([
        'agent_presence.user_id',
        'agent_presence.status',
        'agent_presence.reason',
        'agent_presence.changed_at',
        (eb) => eb.fn.max('sessions.last_seen_at').as('last_seen_at'),
      ])
      .where('agent_presence.status', '=', 'online')
      .groupBy([
        'agent_presence.user_id',
        'agent_presence.status',
        'agent_presence.reason',
        'agent_presence.changed_at',
      ])
      .execute();
  },

  /** Deactivated people still shown as online or away. */
  deactivatedPresent(db: DbOrTrx) {
    return db
      .selectFrom('agent_presence')
      .innerJoin('users', 'users.id', 'agent_presence.user_id')
      .selectAll('agent_presence')
      .where('agent_presence.status', '!=', 'offline')
      .where('users.deactivated_at', 'is not', null)
      .execute();
  },

  /** Staff with their presence: every active one, or the members of these teams. */
  staffPresence(db: DbOrTrx, teamIds: number[] | null) {
    let query = db
      .selectFrom('users')
      .leftJoin('agent_presence', 'agent_presence.user_id', 'users.id')
      .select([
        'users.id',
        'users.name',
        'agent_presence.status',
        'agent_presence.reason',
        'agent_presence.changed_at',
      ])
      .where('users.deactivated_at', 'is', null)
      .where('users.role', '!=', 'customer')
      .orderBy('users.name');
    if (teamIds !== null)
      query = query.where('users.id', 'in', (eb) =>
        eb
          .selectFrom('team_members')
          .select('user_id')
          .where('team_id', 'in', teamIds.length ? teamIds : [0]),
      );
    return query.execute();
  },

  ledTeams(db: DbOrTrx, userId: number) {
    return db
      .selectFrom('teams')
      .select('id')
      .where('lead_id', '=', userId)
      .execute()
      .then((rows) => rows.map((r) => r.id));
  },

  async insertLog(db: DbOrTrx, row: LogValues) {
    await logInsert.run(db, row);
  },

  log(db: DbOrTrx, query: { ticketId?: number; teamId?: number; limit: number }, before: number | null) {
    let q = db
      .selectFrom('routing_log')
      .leftJoin('tickets', 'tickets.id', 'routing_log.ticket_id')
      .leftJoin('teams', 'teams.id', 'routing_log.team_id')
      .leftJoin('users', 'users.id', 'routing_log.assignee_id')
      .selectAll('routing_log')
      .select(['tickets.subject', 'teams.name as team_name', 'users.name as assignee_name'])
      .orderBy('routing_log.id', 'desc')
      .limit(query.limit + 1);
    if (query.ticketId !== undefined) q = q.where('routing_log.ticket_id', '=', query.ticketId);
    if (query.teamId !== undefined) q = q.where('routing_log.team_id', '=', query.teamId);
    if (before !== null) q = q.where('routing_log.id', '<', before);
    return q.execute();
  },

  /**
   * Alerts still standing: tickets that raised an unassigned alert and are still unsolved and
   * unassigned, of the given teams or all, the longest-standing first (at most `limit`).
   */
  standingAlerts(db: DbOrTrx, teamIds: number[] | null, limit: number) {
    // The alerts drive the read (a cross join keeps them first on SQLite, which without table
    // statistics would walk every open unassigned ticket to look each up among a few alerts).
    let query = db
      .selectFrom('routing_alerts')
      .crossJoin('tickets')
      .whereRef('tickets.id', '=', 'routing_alerts.ticket_id')
      .leftJoin('teams', 'teams.id', 'tickets.team_id')
      .leftJoin('team_routing', 'team_routing.team_id', 'tickets.team_id')
      .select([
        'routing_alerts.ticket_id',
        'routing_alerts.alerted_at',
        'tickets.team_id',
        'teams.name as team_name',
        'team_routing.alert_after_minutes',
      ])
      .where('tickets.is_open', '=', 1)
      .where('tickets.assignee_id', 'is', null)
      .orderBy('routing_alerts.alerted_at')
      .orderBy('routing_alerts.ticket_id')
      .limit(limit);
    if (teamIds) query = query.where('tickets.team_id', 'in', teamIds.length ? teamIds : [-1]);
    return query.execute();
  },

  /** Teams whose unassigned tickets raise an alert, with their lead. */
  alertingTeams(db: DbOrTrx) {
    return db
      .selectFrom('team_routing')
      .innerJoin('teams', 'teams.id', 'team_routing.team_id')
      .select(['teams.id', 'teams.name', 'teams.lead_id', 'team_routing.alert_after_minutes'])
      .where('team_routing.alert_after_minutes', 'is not', null)
      .execute();
  },

  /** Open unassigned tickets of a team opened before `before` that raised no alert yet, oldest first. */
  unalerted(db: DbOrTrx, teamId: number, before: string, limit: number) {
    return db
      .selectFrom('tickets')
      .leftJoin('routing_alerts', 'routing_alerts.ticket_id', 'tickets.id')
      .select(['tickets.id', 'tickets.created_at'])
      .where('tickets.team_id', '=', teamId)
      .where('tickets.is_open', '=', 1)
      .where('tickets.assignee_id', 'is', null)
      .where('tickets.created_at', '<', before)
      .where('routing_alerts.ticket_id', 'is', null)
      .orderBy('tickets.created_at')
      .limit(limit)
      .execute();
  },

  /** Records a ticket's alert; false when another sweep already did (the alert goes out once). */
  async claimAlert(
    db: DbOrTrx,
    values: { ticketId: number; teamId: number; notifiedId: number | null; now: string },
  ): Promise<boolean> {
    const result = await db
      .insertInto('routing_alerts')
      .values({
        ticket_id: values.ticketId,
        team_id: values.teamId,
        notified_id: values.notifiedId,
        alerted_at: values.now,
      })
      .onConflict((oc) => oc.column('ticket_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },
};
