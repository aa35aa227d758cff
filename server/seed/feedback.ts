import type { DbOrTrx } from '../db/database';
import { insertPastSurvey, insertSurveyReason } from '../modules/feedback';
import type { Random } from './random';

// The demo department's customer feedback: the reasons customers pick from, and a survey for
// most solved tickets of the last 90 days, a third of them answered, mostly kindly. Deliveries
// went wrong in the last fortnight, and their answers show it.

const reasons = [
  'Quick answer',
  'Friendly and helpful',
  'Solved the first time',
  'Took too long',
  'Had to repeat myself',
  'Problem not solved',
];

const praise = [
  'Quick and friendly, thank you!',
  'Sorted in one reply. Brilliant.',
  'The agent explained everything clearly and kept me updated.',
  'Very helpful, I got my answer the same day.',
  'Exactly what I needed, thanks for the fast help.',
  '',
  '',
  'Great service as always.',
];
const lukewarm = [
  'Fine in the end, but it took a couple of mails.',
  'OK. I would have liked a phone call.',
  '',
  'Answer was correct but a bit generic.',
];
const complaints = [
  'I had to explain the problem three times to different people.',
  'Took over a week to get a real answer.',
  'Nobody told me what was happening until I chased it.',
  'The issue is still not fixed, the ticket was just closed.',
  'Far too slow for something this simple.',
];
const deliveryComplaints = [
  'Second parcel in a row that arrived late, and the tracking link never worked.',
  'The courier marked it delivered but nothing came. Still waiting.',
  'Delivery was promised for Friday, it came the next Wednesday.',
  'Parcel left in the rain outside the door, box soaked through.',
];

export interface SolvedDemoTicket {
  id: number;
  customerId: number;
  organizationId: number | null;
  agentId: number | null;
  teamId: number | null;
  categoryId: number | null;
  channel: string;
  solvedAt: string;
}

const DAY = 86_400_000;

/** A rating, effort and comment: mostly positive, the delivery category sour in the last two weeks. */
function answerFor(rnd: Random, ticket: SolvedDemoTicket, deliveryIds: ReadonlySet<number>, now: number) {
  const recentDelivery =
    ticket.categoryId !== null &&
    deliveryIds.has(ticket.categoryId) &&
    Date.parse(ticket.solvedAt) > now - 14 * DAY;
  const roll = rnd.next();
  if (recentDelivery && roll < 0.65)
    return { rating: rnd.int(1, 2), effort: rnd.int(1, 3), comment: rnd.pick(deliveryComplaints), reason: 3 };
  if (roll < 0.78)
    return { rating: rnd.int(4, 5), effort: rnd.int(5, 7), comment: rnd.pick(praise), reason: rnd.int(0, 2) };
  if (roll < 0.88) return { rating: 3, effort: rnd.int(3, 5), comment: rnd.pick(lukewarm), reason: null };
  return {
    rating: rnd.int(1, 2),
    effort: rnd.int(1, 3),
    comment: rnd.pick(complaints),
    reason: rnd.int(3, 5),
  };
}

/** Reasons, then surveys for about four in five solved tickets, and answers to about two in five of those. */
export async function seedFeedback(
  db: DbOrTrx,
  rnd: Random,
  tickets: readonly SolvedDemoTicket[],
  deliveryCategoryIds: readonly number[],
  now: number,
): Promise<{ surveys: number; answers: number }> {
  const at = new Date(now - 120 * DAY).toISOString();
  const reasonIds: number[] = [];
  for (const [position, label] of reasons.entries())
    reasonIds.push(await insertSurveyReason(db, label, position, at));
  const delivery = new Set(deliveryCategoryIds);
  let surveys = 0;
  let answers = 0;
  for (const ticket of tickets) {
    if (ticket.agentId === null || rnd.next() < 0.2) continue;
    const sentMs = Date.parse(ticket.solvedAt) + 60 * 60_000;
    if (sentMs > now) continue;
    const answered = rnd.next() < 0.42;
    const answeredMs = Math.min(now - 60_000, sentMs + rnd.int(10, 48 * 60) * 60_000);
    const picked = answered ? answerFor(rnd, ticket, delivery, now) : null;
    await insertPastSurvey(db, {
      ticket,
      sentAt: new Date(sentMs).toISOString(),
      answer: picked && {
        rating: picked.rating,
        effort: rnd.next() < 0.85 ? picked.effort : null,
        comment: picked.comment,
        reasonId: picked.reason === null || rnd.next() < 0.4 ? null : reasonIds[picked.reason]!,
        at: new Date(answeredMs).toISOString(),
      },
    });
    surveys += 1;
    if (picked) answers += 1;
  }
  return { surveys, answers };
}
