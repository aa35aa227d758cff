import type { Capacity, PresenceStatus } from '../../../contracts/routing';
import type { TicketPriority } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { tablesStamp } from '../../db/stamps';
import { type RequestContext, systemContext } from '../../platform/auth/actor';
import { nowIso } from '../../platform/clock';
import { parseObject, parseStringList } from '../../platform/json';
import { keptWhileUnchanged } from '../../platform/kept';
import {
  appendTicketEvents,
  changeTicket,
  type OpeningAssigner,
  type OpeningAssignment,
  type OpeningTicket,
  type TicketChange,
} from '../tickets';
import { DETECT_CHARS, detectLanguage, languageName } from './routing.language';
import { type CandidateRow, routingRepository as repo, type StaffRead } from './routing.repository';
import {
  addToLoad,
  type Candidate,
  type Decision,
  decide,
  hasSkills,
  type Load,
  noLoad,
  speaks,
  type TicketNeeds,
} from './routing.rules';

/** Who routing acts as on tickets: their history reads "Routing". */
export const routingContext = (): RequestContext => systemContext('Routing');

export type RoutingOutcome =
  | { outcome: 'assigned'; assigneeId: number; reason: string }
  | { outcome: 'unassigned'; assigneeId: null; reason: string }
  | { outcome: 'skipped'; assigneeId: number | null; reason: string };

/** A skill's key: how a tag or a category names it. */
export const skillKey = (name: string) => name.trim().toLowerCase();

/** A member's skills with levels: the names on their profile, at the level routing keeps (3 when none was set). */
export function skillsOf(row: {
  skills: string;
  skill_levels: string | null;
}): Map<string, { label: string; level: number }> {
  const levels = parseObject(row.skill_levels);
  const out = new Map<string, { label: string; level: number }>();
  for (const name of parseStringList(row.skills)) {
    const level = levels[skillKey(name)];
    out.set(skillKey(name), { label: name, level: typeof level === 'number' ? level : 3 });
  }
  return out;
}

export function capacityOf(text: string | null): Capacity {
  const out: Record<string, number> = {};
  for (const [channel, value] of Object.entries(parseObject(text)))
    if (typeof value === 'number') out[channel] = value;
  return out as Capacity;
}

export const presenceOf = (status: PresenceStatus | null): PresenceStatus => status ?? 'offline';

/** A member as routing weighs them, with the names of their skills by key (how tags and categories name them). */
interface Member {
  candidate: Candidate;
  skillNames: ReadonlyMap<string, string>;
}

function parseMember(row: CandidateRow): Member {
  const skills = skillsOf(row);
  return {
    candidate: {
      id: row.id,
      name: row.name,
      presence: presenceOf(row.status),
      skills: new Map([...skills].map(([key, s]) => [key, s.level])),
      languages: parseStringList(row.languages).map((l) => l.toLowerCase()),
      capacity: capacityOf(row.capacity),
    },
    skillNames: new Map([...skills].map(([key, s]) => [key, s.label])),
  };
}

/** A team's members parsed, by id, with the names of every skill some member has, by key. */
interface ParsedTeam {
  members: readonly Member[];
  /** The members' candidates, in the same order. */
  candidates: readonly Candidate[];
  known: ReadonlyMap<string, string>;
}

const parsedTeam = (members: readonly Member[]): ParsedTeam => ({
  members,
  candidates: members.map((m) => m.candidate),
  known: knownSkills(members),
});

/** Skill names by key: the first spelling among `members`, by id. */
function knownSkills(members: readonly Member[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const m of members) for (const [key, name] of m.skillNames) if (!known.has(key)) known.set(key, name);
  return known;
}

/**
 * Each team's members as last read, by the text they were parsed from (ADR 0027): every decision
 * reads the team's candidates, whose settings rarely change, so their JSON is parsed once per
 * content, not once per ticket. Keyed by the whole text, a changed member, skill, capacity or
 * presence is a new parse, on whichever node reads it; nothing needs telling. The oldest team goes first.
 */
const parsedTeams = new Map<number, { text: string; team: ParsedTeam }>();
const PARSED_TEAMS_MAX = 1_000;

function teamOf(teamId: number, read: StaffRead): ParsedTeam {
  const text = read.key;
  const found = parsedTeams.get(teamId);
  if (found?.text === text) return found.team;
  const team = parsedTeam([...read.rows()].sort((a, b) => a.id - b.id).map(parseMember));
  parsedTeams.delete(teamId);
  if (parsedTeams.size >= PARSED_TEAMS_MAX) parsedTeams.delete(parsedTeams.keys().next().value!);
  parsedTeams.set(teamId, { text, team });
  return team;
}

/** The team without `exclude` (an agent whose tickets are handed on), the skills known without them. */
function without(team: ParsedTeam, exclude: number | undefined): ParsedTeam {
  if (exclude === undefined || !team.members.some((m) => m.candidate.id === exclude)) return team;
  return parsedTeam(team.members.filter((m) => m.candidate.id !== exclude));
}

/** The agents' loads: open tickets, weighted by priority, and per channel. */
export async function loadsOf(db: DbOrTrx, userIds: number[]): Promise<Map<number, Load>> {
  return loadsFrom(await repo.loads(db, userIds), new Set(userIds));
}

/** Adds up load rows of the agents kept. */
function loadsFrom(
  rows: readonly { assignee_id: number | null; channel: string; priority: string; n: number | string }[],
  keep: ReadonlySet<number>,
): Map<number, Load> {
  const loads = new Map<number, Load>();
  for (const row of rows) {
    if (row.assignee_id === null || !keep.has(row.assignee_id)) continue;
    const load = loads.get(row.assignee_id) ?? noLoad;
    loads.set(row.assignee_id, addToLoad(load, row.channel, row.priority as TicketPriority, Number(row.n)));
  }
  return loads;
}

type TicketRow = NonNullable<Awaited<ReturnType<typeof repo.ticket>>>;

/** A ticket as a decision reads it: from its row, or from what it is being opened with. */
interface Routable {
  teamId: number;
  teamName: string;
  channel: string;
  subject: string;
  firstBody: string;
  tags: readonly string[];
  categoryName: string | null;
  customFields: Readonly<Record<string, unknown>>;
}

const routableOf = (row: TicketRow & { team_id: number }): Routable => ({
  teamId: row.team_id,
  teamName: row.team_name ?? `team #${row.team_id}`,
  channel: row.channel,
  subject: row.subject,
  firstBody: row.first_body ?? '',
  tags: parseStringList(row.tags),
  categoryName: row.category_name,
  customFields: parseObject(row.custom_fields),
});

/**
 * What a ticket needs: the skills its tags or its category name (a skill some member of the
 * team has), and its language: the `language` custom field when set, else read from the subject
 * and first message when some member lists the languages they take (with none listed, anyone
 * takes any language and the text is not read for one).
 */
function needsOf(ticket: Routable, known: ReadonlyMap<string, string>, readLanguage: boolean): TicketNeeds {
  const named = [...ticket.tags, ...(ticket.categoryName ? [ticket.categoryName] : [])];
  const skills = [...new Set(named.map(skillKey))]
    .filter((key) => known.has(key))
    .map((key) => ({ key, label: known.get(key)! }));
  const set = ticket.customFields.language;
  const language =
    typeof set === 'string' && /^[a-z]{2}$/i.test(set.trim())
      ? set.trim().toLowerCase()
      : readLanguage
        ? detectLanguage(`${ticket.subject}\n${ticket.firstBody.slice(0, DETECT_CHARS)}`)
        : null;
  return { channel: ticket.channel, skills, language };
}

/** Whether the method needs the agents' loads: least loaded always, round robin when someone has a cap for the channel. */
const needsLoads = (method: string, members: readonly Candidate[], channel: string) =>
  method === 'least_loaded' || members.some((m) => m.capacity[channel as keyof Capacity] !== undefined);

type Skip = Extract<RoutingOutcome, { outcome: 'skipped' }>;
type Method = 'round_robin' | 'least_loaded';
interface Weighed {
  method: Method;
  decision: Decision;
  needs: TicketNeeds;
}
interface Decided extends Weighed {
  ticket: TicketRow;
}

/**
 * Weighs a ticket against its team (its routing row read and, on PostgreSQL, locked by the
 * caller): the members and, when the method needs them, their loads, the language and the pure
 * decision. Changes nothing.
 */
async function weigh(
  db: DbOrTrx,
  ticket: Routable,
  team: { method: Method; cursor_user_id: number | null },
  exclude: number | undefined,
  keptMembers?: KeptMembers,
): Promise<Weighed> {
  // The members and, when the method will weigh them, their loads, read together; whether round
  // robin needs loads is known once the members are, so the team as last read guesses, and a
  // wrong guess reads the loads after all.
  const last = parsedTeams.get(ticket.teamId)?.team;
  const guess = last === undefined || needsLoads(team.method, last.candidates, ticket.channel);
  let staff =
    !guess && keptMembers
      ? { members: await keptMembers(db, ticket.teamId), loads: [] }
      : await repo.staff(db, ticket.teamId, guess);
  const { candidates: members, known } = without(teamOf(ticket.teamId, staff.members), exclude);
  const needs = needsOf(
    ticket,
    known,
    members.some((m) => m.languages.length > 0),
  );
  let loads = new Map<number, Load>();
  if (needsLoads(team.method, members, needs.channel)) {
    if (!guess) staff = await repo.staff(db, ticket.teamId, true);
    // Loads only of who could take the ticket: online, with the skills and the language.
    const able = new Set<number>();
    for (const m of members)
      if (m.presence === 'online' && hasSkills(m, needs) && speaks(m, needs.language)) able.add(m.id);
    loads = loadsFrom(staff.loads, able);
  }
  const decision = decide({
    method: team.method,
    teamName: ticket.teamName,
    members,
    needs,
    languageName: needs.language ? languageName(needs.language) : null,
    cursor: team.cursor_user_id,
    loadOf: (id) => loads.get(id) ?? noLoad,
  });
  return { method: team.method, decision, needs };
}

/**
 * Decides where a ticket goes, without changing anything but the lock on its team's routing
 * row: the reads (ticket, team, members, loads when needed), the language and the pure decision.
 */
export async function decideRoute(
  db: DbOrTrx,
  ticketId: number,
  options: { reassign?: boolean; exclude?: number } = {},
): Promise<Decided | Skip> {
  const ticket = await repo.ticket(db, ticketId);
  if (ticket?.is_open !== 1 || ticket.merged_into_id !== null)
    return { outcome: 'skipped', assigneeId: ticket?.assignee_id ?? null, reason: 'The ticket is not open' };
  if (ticket.assignee_id !== null && !options.reassign)
    return {
      outcome: 'skipped',
      assigneeId: ticket.assignee_id,
      reason: 'The ticket already has an assignee',
    };
  if (ticket.team_id === null)
    return { outcome: 'skipped', assigneeId: ticket.assignee_id, reason: 'The ticket has no team' };
  const team = await repo.teamForRouting(db, ticket.team_id);
  if (!team || team.method === 'manual')
    return { outcome: 'skipped', assigneeId: ticket.assignee_id, reason: 'The team assigns by hand' };
  const routable = routableOf({ ...ticket, team_id: ticket.team_id });
  return { ticket, ...(await weigh(db, routable, { ...team, method: team.method }, options.exclude)) };
}

const SYSTEM = { type: 'system', id: null } as const;

/** A team's members as last read, while nothing they are read from changed. */
type KeptMembers = (db: DbOrTrx, teamId: number) => Promise<StaffRead>;

/** What a team's members are read from: a change to any of them may change a decision. */
const STAFF_TABLES = ['teams', 'team_members', 'users', 'agent_routing', 'agent_presence'] as const;

/**
 * The opening assigner (ADR 0031): a ticket opened in a team with an automatic method is weighed
 * before its row is written, from what it is opened with, so it is written once with its holder.
 * The assignment and its reason are the routing's entries in the ticket's history; the cursor
 * and the routing log are written once the ticket has its id. Where loads are not weighed, the
 * team's members are kept while their tables are unchanged (ADR 0032), checked against the
 * transaction that asks: a presence, skill or membership change is seen by the next decision.
 */
export function openingAssigner(options: { keep: boolean }): OpeningAssigner {
  const members = keptWhileUnchanged<StaffRead>(options.keep);
  const keptMembers: KeptMembers = async (db, teamId) =>
    members.answer(
      await tablesStamp(db, STAFF_TABLES, { withinTransactions: true }),
      String(teamId),
      async () => (await repo.staff(db, teamId, false)).members,
    );
  return (db, opening) => assignAtOpening(db, opening, keptMembers);
}

async function assignAtOpening(
  db: DbOrTrx,
  opening: OpeningTicket,
  keptMembers: KeptMembers,
): Promise<OpeningAssignment | null> {
  // Where reading the routing row locks it, a team that assigns by hand is told apart first.
  if (adapterOf(db).locksRows && (await repo.methodOf(db, opening.teamId)) === 'manual') return null;
  const team = await repo.teamForRouting(db, opening.teamId);
  if (!team || team.method === 'manual') return null;
  const routable: Routable = {
    teamId: opening.teamId,
    teamName: team.team_name ?? `team #${opening.teamId}`,
    channel: opening.channel,
    subject: opening.subject,
    firstBody: opening.body,
    tags: opening.tags,
    categoryName: opening.categoryId === null ? null : await repo.categoryName(db, opening.categoryId),
    customFields: opening.customFields,
  };
  const weighed = await weigh(db, routable, { ...team, method: team.method }, undefined, keptMembers);
  const assigneeId = weighed.decision.outcome === 'assigned' ? weighed.decision.agent.id : null;
  return {
    assigneeId,
    events: [
      ...(assigneeId === null ? [] : [{ type: 'assigned', from: null, to: assigneeId, by: SYSTEM }]),
      { type: 'routed', to: weighed.decision.reason, by: SYSTEM },
    ],
    recordFor: (trx, ticketId, at) => recordDecision(trx, ticketId, opening.teamId, weighed, at),
  };
}

/** What a decision writes besides the ticket: the round-robin cursor moved on, and the routing log. */
async function recordDecision(db: DbOrTrx, ticketId: number, teamId: number, weighed: Weighed, at: string) {
  const { method, decision, needs } = weighed;
  const assigneeId = decision.outcome === 'assigned' ? decision.agent.id : null;
  if (decision.outcome === 'assigned' && method === 'round_robin')
    await repo.setCursor(db, teamId, decision.agent.id);
  await repo.insertLog(db, {
    ticket_id: ticketId,
    team_id: teamId,
    method,
    assignee_id: assigneeId,
    outcome: decision.outcome,
    reason: decision.reason.slice(0, 500),
    detail: JSON.stringify({
      candidates: decision.qualified,
      language: needs.language,
      skills: needs.skills.map((s) => s.label),
    }),
    created_at: at,
  });
}

/**
 * Routes one ticket by its team's method, in the caller's transaction: decides, assigns (or
 * leaves it unassigned), moves the round-robin cursor, and records why on the ticket's history
 * and in the routing log. A ticket with an assignee is left alone unless `reassign` (handing on
 * an offline agent's tickets); `exclude` is never picked. The automation module's "assign
 * through the team's routing method" calls this.
 */
export async function routeTicket(
  db: DbOrTrx,
  ctx: RequestContext,
  ticketId: number,
  options: { reassign?: boolean; exclude?: number } = {},
): Promise<RoutingOutcome> {
  const decided = await decideRoute(db, ticketId, options);
  if ('outcome' in decided) return decided;
  await apply(db, ctx, decided);
  const { decision } = decided;
  return decision.outcome === 'assigned'
    ? { outcome: 'assigned', assigneeId: decision.agent.id, reason: decision.reason }
    : { outcome: 'unassigned', assigneeId: null, reason: decision.reason };
}

async function apply(db: DbOrTrx, ctx: RequestContext, decided: Decided) {
  const { ticket, decision } = decided;
  const now = nowIso();
  const assigneeId = decision.outcome === 'assigned' ? decision.agent.id : null;
  if (assigneeId !== ticket.assignee_id) await changeTicket(db, ctx, ticket.id, { assigneeId });
  await recordDecision(db, ticket.id, ticket.team_id!, decided, now);
  await appendTicketEvents(db, ticket.id, SYSTEM, [{ type: 'routed', to: decision.reason }], now);
}

/**
 * The subscriber to ticket events: a ticket opened in, or moved into, a team with an automatic
 * method and nobody assigned in the same change is routed in that change's transaction.
 */
export async function routeOnTicketEvents(db: DbOrTrx, change: TicketChange): Promise<void> {
  if (change.historic) return;
  const moved = change.events.find((e) => e.type === 'team_changed' && e.to !== null && e.to !== undefined);
  if (!moved) return;
  // Assigned with the change, or routed already as it was opened (ADR 0031).
  if (
    change.events.some(
      (e) => (e.type === 'assigned' && e.to !== null && e.to !== undefined) || e.type === 'routed',
    )
  )
    return;
  if ((await repo.methodOf(db, Number(moved.to))) === 'manual') return;
  await routeTicket(db, routingContext(), change.ticketId);
}

/**
 * Hands on the open tickets of an agent who went offline or was deactivated, in teams that
 * redistribute: each is routed again without them, or left unassigned in the team's queue.
 */
export async function redistributeTickets(db: DbOrTrx, userId: number): Promise<number> {
  const ids = await repo.openTicketsOf(db, userId, true);
  for (const id of ids) {
    const result = await routeTicket(db, routingContext(), id, { reassign: true, exclude: userId });
    if (result.outcome === 'skipped' && result.assigneeId === userId)
      await changeTicket(db, routingContext(), id, { assigneeId: null });
  }
  return ids.length;
}
