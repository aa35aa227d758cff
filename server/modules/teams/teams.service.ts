import type { z } from 'zod';
import type { createTeamBody, listTeamsQuery, Team, UpdateTeamBody } from '../../../contracts/teams';
import { initialsOf } from '../../../contracts/text';
import type { DbOrTrx } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import type { TeamRow } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { decodeCursor, splitPage } from '../../platform/pagination';
import { calendarRef } from '../business-hours';
import { teamsRepository as repo } from './teams.repository';

type CreateTeamInput = z.output<typeof createTeamBody>;
type ListTeamsInput = z.output<typeof listTeamsQuery>;

const person = (p: { id: number; name: string; email: string }) => ({ ...p, initials: initialsOf(p.name) });

async function hydrate(db: DbOrTrx, rows: TeamRow[]): Promise<Team[]> {
  const members = await repo.members(
    db,
    rows.map((r) => r.id),
  );
  const leadIds = rows.map((r) => r.lead_id).filter((id): id is number => id !== null);
  const leads = new Map((await repo.leads(db, leadIds)).map((l) => [l.id, l]));
  const calendars = new Map<number, { id: number; name: string } | null>();
  for (const id of new Set(rows.map((r) => r.calendar_id).filter((c): c is number => c !== null)))
    calendars.set(id, await calendarRef(db, id));
  return rows.map((row) => {
    const lead = row.lead_id === null ? undefined : leads.get(row.lead_id);
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      lead: lead ? person(lead) : null,
      members: members.filter((m) => m.teamId === row.id).map(({ teamId: _t, ...m }) => person(m)),
      calendar: row.calendar_id === null ? null : (calendars.get(row.calendar_id) ?? null),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

async function loadTeam(db: DbOrTrx, id: number): Promise<Team> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('TEAM_NOT_FOUND', `Team ${id}`);
  const [team] = await hydrate(db, [row]);
  return team!;
}

/** A team's calendar must exist. */
async function assertCalendar(db: DbOrTrx, calendarId: number | null | undefined): Promise<void> {
  if (calendarId && !(await calendarRef(db, calendarId)))
    throw new AppError('VALIDATION_FAILED', `Business-hours calendar #${calendarId} was not found`, [
      { path: ['calendarId'], message: 'No such calendar' },
    ]);
}

/** The calendar a team works to, if it has one of its own. */
/** Active members of a team (who hears of what a rule tells the team). */
export const teamMemberIds = async (db: DbOrTrx, id: number) =>
  (await repo.members(db, [id])).map((m) => m.id);

export const teamCalendarOf = async (db: DbOrTrx, id: number) =>
  (await repo.findById(db, id))?.calendar_id ?? null;

/** The lead must be a member: adding them when they are not. Unknown or inactive people are refused. */
async function resolveMembership(db: DbOrTrx, memberIds: number[], leadId: number | null) {
  const wanted = [...new Set(leadId === null ? memberIds : [...memberIds, leadId])];
  const valid = new Set(await repo.activeStaffIds(db, wanted));
  const invalid = wanted.filter((id) => !valid.has(id));
  if (invalid.length > 0) {
    throw new AppError('VALIDATION_FAILED', `No active staff user with id ${invalid.join(', ')}`, [
      {
        path: [leadId !== null && invalid.includes(leadId) ? 'leadId' : 'memberIds'],
        message: 'Unknown or inactive user',
      },
    ]);
  }
  return wanted;
}

function nameTaken(name: string) {
  return new AppError('TEAM_NAME_TAKEN', `A team named "${name}" already exists`, [
    { path: ['name'], message: 'Already in use' },
  ]);
}

const snapshot = (t: Team) => ({
  name: t.name,
  description: t.description,
  lead: t.lead?.name ?? null,
  members: t.members.map((m) => m.name),
  calendar: t.calendar?.name ?? null,
});

/** Stores a team row (seed data). */
export const insertTeamRow = repo.insert;
/** Whether a team with this id exists. */
export const teamExists = async (db: DbOrTrx, id: number) => (await repo.findById(db, id)) !== undefined;
/** Teams' ids and names by name: the given ones, or all (home counts, the audit log's names). */
export const teamNames = repo.names;

/** Where a person stands among the teams: those they belong to, those they lead, and who their led teams' members are. */
export interface TeamReach {
  memberOf: number[];
  leads: number[];
  ledMembers: number[];
}

export async function teamReachOf(db: DbOrTrx, userId: number): Promise<TeamReach> {
  const { memberOf, leads } = await repo.reachOf(db, userId);
  const ledMembers = [...new Set((await repo.members(db, leads)).map((m) => m.id))];
  return { memberOf, leads, ledMembers };
}

/** The lead of a team, if it has one. */
export const teamLeadOf = async (db: DbOrTrx, id: number) => (await repo.findById(db, id))?.lead_id ?? null;
/** Replaces a team's members (seed data). */
export const setTeamMembers = repo.setMembers;

/** Replaces the teams a user belongs to (the users module edits a user's teams). */
export const setTeamsOfUser = repo.setTeamsOfUser;
/** Removes the user as lead of any team they leave or when they are deactivated. */
export const clearLeadership = repo.clearLeadership;

export function teamsService({ db }: AppDeps) {
  async function guardUnique<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (name && isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  }

  return {
    async list(ctx: RequestContext, query: ListTeamsInput) {
      authorize(ctx.actor, 'teams.read');
      const key = decodeCursor(query.cursor);
      const rows = await repo.list(db, query, key && typeof key[0] === 'string' ? key[0] : null);
      const page = splitPage(rows, query.limit, (row) => [row.name]);
      return { data: await hydrate(db, page.rows), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'teams.read');
      return loadTeam(db, id);
    },

    create(ctx: RequestContext, input: CreateTeamInput): Promise<Team> {
      authorize(ctx.actor, 'teams.write');
      return guardUnique(input.name, () =>
        db.transaction().execute(async (trx) => {
          if (await repo.findByName(trx, input.name)) throw nameTaken(input.name);
          const members = await resolveMembership(trx, input.memberIds, input.leadId);
          await assertCalendar(trx, input.calendarId);
          const now = nowIso();
          const id = await repo.insert(trx, {
            name: input.name,
            description: input.description,
            leadId: input.leadId,
            calendarId: input.calendarId,
            now,
          });
          await repo.setMembers(trx, id, members, now);
          const team = await loadTeam(trx, id);
          await recordAudit(trx, ctx, {
            action: 'team.created',
            entityType: 'team',
            entityId: id,
            after: snapshot(team),
          });
          return team;
        }),
      );
    },

    update(ctx: RequestContext, id: number, input: UpdateTeamBody): Promise<Team> {
      authorize(ctx.actor, 'teams.write');
      return guardUnique(input.name, () =>
        db.transaction().execute(async (trx) => {
          const before = await loadTeam(trx, id);
          if (input.name && input.name !== before.name && (await repo.findByName(trx, input.name)))
            throw nameTaken(input.name);
          const leadId = input.leadId === undefined ? (before.lead?.id ?? null) : input.leadId;
          const memberIds = input.memberIds ?? before.members.map((m) => m.id);
          const members = await resolveMembership(trx, memberIds, leadId);
          await assertCalendar(trx, input.calendarId);
          const now = nowIso();
          await repo.update(trx, id, {
            name: input.name,
            description: input.description,
            leadId: input.leadId,
            calendarId: input.calendarId,
            now,
          });
          await repo.setMembers(trx, id, members, now);
          const after = await loadTeam(trx, id);
          await recordAudit(trx, ctx, {
            action: 'team.updated',
            entityType: 'team',
            entityId: id,
            before: snapshot(before),
            after: snapshot(after),
          });
          return after;
        }),
      );
    },

    async remove(ctx: RequestContext, id: number): Promise<void> {
      authorize(ctx.actor, 'teams.write');
      await db.transaction().execute(async (trx) => {
        const before = await loadTeam(trx, id);
        await repo.delete(trx, id);
        await recordAudit(trx, ctx, {
          action: 'team.deleted',
          entityType: 'team',
          entityId: id,
          before: snapshot(before),
        });
      });
    },
  };
}

export type TeamsService = ReturnType<typeof teamsService>;
