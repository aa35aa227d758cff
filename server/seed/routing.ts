import { createTicketBody } from '../../contracts/tickets';
import type { DbOrTrx } from '../db/database';
import {
  openingAssigner,
  routeOnTicketEvents,
  setAgentRouting,
  setPresence,
  setTeamRouting,
} from '../modules/routing';
import { assignTicketsAtOpeningWith, openTicket, subscribeToTicketEvents } from '../modules/tickets';
import { findUserRow } from '../modules/users';
import { systemContext } from '../platform/auth/actor';
import { nowIso } from '../platform/clock';
import { parseStringList } from '../platform/json';
import type { Random } from './random';

/** New requests that arrive after the history: routed for real, so the routing log has entries. */
export const arrivals = [
  {
    subject: 'Charged twice for my subscription',
    body: 'Hello, my card was charged twice this month for the same subscription. Could you refund the second payment please?',
    tags: ['billing'],
  },
  {
    subject: 'Parcel shows delivered but never arrived',
    body: 'The tracking page says my parcel was delivered yesterday, but nothing arrived at my door and my neighbours have not seen it either.',
    tags: ['shipping'],
  },
  {
    subject: 'Rechnung doppelt erhalten',
    body: 'Guten Tag, ich habe die Rechnung für Oktober zweimal bekommen und auch zweimal bezahlt. Bitte erstatten Sie mir den doppelten Betrag.',
    tags: ['billing'],
  },
  {
    subject: 'Cannot sign in to my account',
    body: 'Since this morning the sign-in page tells me my password is wrong, although I have not changed it. The reset mail never arrives.',
    tags: [],
  },
  {
    subject: 'Return label for a damaged kettle',
    body: 'The kettle I received has a cracked lid. Could you send me a return label so that I can send it back and get a replacement?',
    tags: ['returns'],
  },
  {
    subject: 'Question about my warranty',
    body: 'My coffee machine stopped heating after eleven months. Is this covered by the warranty, and what do I need to send you?',
    tags: ['warranty'],
  },
] as const;

/**
 * The demo's routing: round robin (handing on offline agents' tickets) on the first team, least
 * loaded on the second, the third assigned by hand; skill levels and capacities on every agent;
 * most agents of the first two teams online; and a few new requests routed for real.
 */
export async function seedRouting(
  db: DbOrTrx,
  rnd: Random,
  input: { teamIds: number[]; agents: { id: number; teamId: number }[]; customerIds: number[] },
): Promise<void> {
  const [roundRobin, leastLoaded] = input.teamIds;
  await setTeamRouting(db, roundRobin!, {
    method: 'round_robin',
    redistributeOffline: true,
    alertAfterMinutes: 30,
  });
  await setTeamRouting(db, leastLoaded!, { method: 'least_loaded', alertAfterMinutes: 60 });
  const now = nowIso();
  for (const [index, agent] of input.agents.entries()) {
    const row = await findUserRow(db, agent.id);
    const levels = Object.fromEntries(parseStringList(row?.skills).map((skill) => [skill, rnd.int(2, 5)]));
    await setAgentRouting(db, agent.id, { levels, capacity: { email: 20, web: 10, portal: 10, phone: 3 } });
    // Three of every four agents are at work: online, or away from their desk.
    const status = index % 4 === 3 ? 'offline' : index % 4 === 2 ? 'away' : 'online';
    await setPresence(db, agent.id, status, 'set', now);
  }
  // Routing follows the ticket events, as in the server (the command line builds no registry).
  subscribeToTicketEvents('routing', routeOnTicketEvents);
  assignTicketsAtOpeningWith(openingAssigner({ keep: true }));
  const ctx = systemContext('Web form');
  for (const [index, arrival] of arrivals.entries()) {
    await openTicket(
      db,
      ctx,
      createTicketBody.parse({
        subject: arrival.subject,
        requesterId: input.customerIds[index * 7]!,
        message: { body: arrival.body },
        channel: 'web',
        tags: [...arrival.tags],
        teamId: index % 2 === 0 ? roundRobin : leastLoaded,
      }),
    );
  }
}
