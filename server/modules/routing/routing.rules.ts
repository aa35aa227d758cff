import {
  type Capacity,
  type PresenceStatus,
  priorityWeights,
  type RoutingMethod,
} from '../../../contracts/routing';
import type { TicketPriority } from '../../../contracts/tickets';

// The routing decision, pure: who qualifies for a ticket and whom the team's method picks, with
// the sentence that explains it on the ticket and in the routing log.

export interface Candidate {
  id: number;
  name: string;
  presence: PresenceStatus;
  /** Skill name (lower case) -> proficiency 1..5. */
  skills: ReadonlyMap<string, number>;
  /** ISO 639-1 codes; an empty list takes tickets in any language. */
  languages: readonly string[];
  capacity: Capacity;
}

export interface Load {
  open: number;
  weighted: number;
  byChannel: Record<string, number>;
}

export const noLoad: Load = { open: 0, weighted: 0, byChannel: {} };

export interface TicketNeeds {
  channel: string;
  /** Skill names (lower case) the ticket needs, each as the skill is spelled for people. */
  skills: readonly { key: string; label: string }[];
  /** ISO 639-1 code, or null when unknown. */
  language: string | null;
}

export type Decision =
  | { outcome: 'assigned'; agent: Candidate; qualified: number; reason: string }
  | { outcome: 'unassigned'; agent: null; qualified: number; reason: string };

/** One open ticket's weight in its assignee's load. */
export const weightOf = (priority: TicketPriority) => priorityWeights[priority];

/** Adds one open ticket to a load. */
/** The load with `count` more open tickets of this channel and priority (one by default). */
export function addToLoad(load: Load, channel: string, priority: TicketPriority, count = 1): Load {
  return {
    open: load.open + count,
    weighted: load.weighted + count * weightOf(priority),
    byChannel: { ...load.byChannel, [channel]: (load.byChannel[channel] ?? 0) + count },
  };
}

export const hasSkills = (c: Candidate, needs: TicketNeeds) => needs.skills.every((s) => c.skills.has(s.key));
export const speaks = (c: Candidate, language: string | null) =>
  language === null || c.languages.length === 0 || c.languages.includes(language);
export function underCapacity(c: Candidate, channel: string, load: Load): boolean {
  const cap = c.capacity[channel as keyof Capacity];
  return cap === undefined || (load.byChannel[channel] ?? 0) < cap;
}

/** Round robin: the first qualified agent after the one who had the last ticket, by id, wrapping round. */
export function nextInTurn<T extends { id: number }>(sorted: readonly T[], cursor: number | null): T {
  if (cursor !== null) for (const c of sorted) if (c.id > cursor) return c;
  return sorted[0]!;
}

const skillLevel = (c: Candidate, needs: TicketNeeds) =>
  needs.skills.reduce((sum, s) => sum + (c.skills.get(s.key) ?? 0), 0);

/** Least loaded: the lowest weighted load, then fewer open tickets, then more skill, then the lower id. */
export function leastLoaded(
  qualified: readonly Candidate[],
  loadOf: (id: number) => Load,
  needs: TicketNeeds,
): Candidate {
  let best = qualified[0]!;
  for (const c of qualified.slice(1)) {
    const a = loadOf(c.id);
    const b = loadOf(best.id);
    const better =
      a.weighted !== b.weighted
        ? a.weighted < b.weighted
        : a.open !== b.open
          ? a.open < b.open
          : skillLevel(c, needs) !== skillLevel(best, needs)
            ? skillLevel(c, needs) > skillLevel(best, needs)
            : c.id < best.id;
    if (better) best = c;
  }
  return best;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** "4 online agents with skill Billing who speak German": whom the decision chose among. */
function agentsPhrase(n: number, needs: TicketNeeds, languageName: string | null): string {
  let text = plural(n, 'online agent');
  if (needs.skills.length > 0)
    text += ` with ${needs.skills.length === 1 ? 'skill' : 'skills'} ${list(needs.skills.map((s) => s.label))}`;
  if (languageName) text += ` who ${n === 1 ? 'speaks' : 'speak'} ${languageName}`;
  return text;
}

/**
 * Picks the agent for a ticket: among the team's members who are online, have every skill the
 * ticket needs, speak its language and are under their capacity for its channel, the next in
 * turn (round robin, after `cursor`) or the least loaded. Nobody qualifying leaves the ticket
 * unassigned, with the step that left nobody as the reason.
 */
export function decide(input: {
  method: Exclude<RoutingMethod, 'manual'>;
  teamName: string;
  members: readonly Candidate[];
  needs: TicketNeeds;
  languageName: string | null;
  cursor: number | null;
  loadOf: (id: number) => Load;
}): Decision {
  const { needs, members, teamName, languageName } = input;
  const none = (reason: string): Decision => ({ outcome: 'unassigned', agent: null, qualified: 0, reason });
  if (members.length === 0) return none(`Left unassigned: ${teamName} has no agents`);
  const skillWords = `${needs.skills.length === 1 ? 'skill' : 'skills'} ${list(needs.skills.map((s) => s.label))}`;
  const online = members.filter((c) => c.presence === 'online');
  if (online.length === 0)
    return none(
      members.length === 1
        ? `Left unassigned: the only agent in ${teamName} is not online`
        : `Left unassigned: none of the ${members.length} agents in ${teamName} is online`,
    );
  const skilled = online.filter((c) => hasSkills(c, needs));
  if (skilled.length === 0)
    return none(
      online.length === 1
        ? `Left unassigned: the only online agent does not have ${skillWords}`
        : `Left unassigned: none of the ${online.length} online agents has ${skillWords}`,
    );
  const speaking = skilled.filter((c) => speaks(c, needs.language));
  const withSkills = needs.skills.length > 0 ? ' with the skills' : '';
  const language = languageName ?? needs.language;
  if (speaking.length === 0)
    return none(
      skilled.length === 1
        ? `Left unassigned: the only online agent${withSkills} does not speak ${language}`
        : `Left unassigned: none of the ${skilled.length} online agents${withSkills} speaks ${language}`,
    );
  const qualified = speaking.filter((c) => underCapacity(c, needs.channel, input.loadOf(c.id)));
  if (qualified.length === 0)
    return none(
      `Left unassigned: ${speaking.length === 1 ? 'the' : `all ${speaking.length}`} ${agentsPhrase(speaking.length, needs, languageName).replace(/^\d+ /, '')} ${speaking.length === 1 ? 'is' : 'are'} at capacity for ${needs.channel}`,
    );
  const sorted = [...qualified].sort((a, b) => a.id - b.id);
  const among = `among ${agentsPhrase(qualified.length, needs, languageName)}`;
  const full = speaking.length - qualified.length;
  const tail = full > 0 ? ` (${full} more at capacity)` : '';
  if (input.method === 'round_robin') {
    const agent = nextInTurn(sorted, input.cursor);
    return {
      outcome: 'assigned',
      agent,
      qualified: qualified.length,
      reason: `Assigned to ${agent.name}: next in turn ${among}${tail}`,
    };
  }
  const agent = leastLoaded(sorted, input.loadOf, needs);
  return {
    outcome: 'assigned',
    agent,
    qualified: qualified.length,
    reason: `Assigned to ${agent.name}: least loaded (load ${input.loadOf(agent.id).weighted}) ${among}${tail}`,
  };
}
