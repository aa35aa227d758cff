import type { DbOrTrx } from '../db/database';
import { insertNpsSetup, insertPastCampaign, type PastCampaign } from '../modules/feedback';
import type { Random } from './random';

// The demo department's NPS: a spring campaign to most customers, finished, and a quarterly one
// to the key accounts, active, its first run ten days ago. Promoters praise the people, detractors
// the deliveries; a few customers unsubscribed from the first mail.

const DAY = 86_400_000;
const question = 'How likely are you to recommend {company} to a friend or colleague?';

const promoterComments = [
  'Support always gets back to me the same day. That alone is worth it.',
  'The team knows our account and never makes me explain things twice.',
  'Great products and people who actually care when something goes wrong.',
  'Ordering is easy and returns were painless.',
  '',
  '',
  'I have recommended you to two other shops already.',
];
const passiveComments = [
  'Good overall, but delivery times vary a lot.',
  'Prices went up this year; service is still fine.',
  '',
  'Solid, nothing special.',
];
const detractorComments = [
  'Three late deliveries this quarter. I am looking at other suppliers.',
  'Hard to reach anyone by phone, and the portal is confusing.',
  'The invoice errors keep coming back every month.',
  'My last complaint took two weeks to resolve.',
];

function answerFor(rnd: Random, mood: number): { score: number; comment: string } {
  const roll = rnd.next();
  if (roll < mood) return { score: rnd.int(9, 10), comment: rnd.pick(promoterComments) };
  if (roll < mood + 0.25) return { score: rnd.int(7, 8), comment: rnd.pick(passiveComments) };
  return { score: rnd.int(1, 6), comment: rnd.pick(detractorComments) };
}

export interface NpsDemoCustomer {
  id: number;
  organizationId: number | null;
}

/** Settings, two campaigns with their answers, and the customers who unsubscribed. */
export async function seedNps(
  db: DbOrTrx,
  rnd: Random,
  customers: readonly NpsDemoCustomer[],
  keyAccountOrgIds: readonly number[],
  now: number,
): Promise<{ campaigns: number; answers: number }> {
  const keyOrgs = new Set(keyAccountOrgIds);
  const keyCustomers = customers.filter((c) => c.organizationId !== null && keyOrgs.has(c.organizationId));
  const others = customers.filter((c) => !keyCustomers.includes(c));
  const springStart = now - 86 * DAY;
  const optouts: { customerId: number; at: string }[] = [];
  let answers = 0;

  const spring: PastCampaign['recipients'] = [];
  for (const c of others.slice(0, 140)) {
    const sentMs = springStart + rnd.int(0, 30) * 60_000;
    if (rnd.next() < 0.05)
      optouts.push({ customerId: c.id, at: new Date(sentMs + rnd.int(5, 600) * 60_000).toISOString() });
    const answered = rnd.next() < 0.45;
    const at = sentMs + rnd.int(20, 14 * 24 * 60) * 60_000;
    spring.push({
      customerId: c.id,
      organizationId: c.organizationId,
      sentAt: new Date(sentMs).toISOString(),
      answer: answered ? { ...answerFor(rnd, 0.5), at: new Date(at).toISOString() } : null,
    });
    if (answered) answers += 1;
  }
  await insertNpsSetup(
    db,
    { company: 'Steward Supplies', capDays: 90, linkDays: 30 },
    optouts,
    new Date(springStart - 2 * DAY).toISOString(),
  );
  await insertPastCampaign(
    db,
    {
      name: 'Spring NPS, all customers',
      question,
      segment: { organizationIds: [], tags: [], plans: [], activeDays: 365 },
      cadence: 'once',
      status: 'finished',
      startsAt: new Date(springStart).toISOString(),
      nextRunAt: null,
      skippedCap: 0,
      skippedUnsubscribed: 0,
      recipients: spring,
    },
    30,
  );

  const keyStart = now - 10 * DAY;
  const unsubscribed = new Set(optouts.map((o) => o.customerId));
  const key: PastCampaign['recipients'] = [];
  for (const c of keyCustomers) {
    if (unsubscribed.has(c.id)) continue;
    const sentMs = keyStart + rnd.int(0, 20) * 60_000;
    const answered = rnd.next() < 0.55;
    const at = Math.min(now - 60_000, sentMs + rnd.int(20, 9 * 24 * 60) * 60_000);
    key.push({
      customerId: c.id,
      organizationId: c.organizationId,
      sentAt: new Date(sentMs).toISOString(),
      answer: answered ? { ...answerFor(rnd, 0.6), at: new Date(at).toISOString() } : null,
    });
    if (answered) answers += 1;
  }
  const nextRun = new Date(keyStart);
  nextRun.setUTCMonth(nextRun.getUTCMonth() + 3);
  await insertPastCampaign(
    db,
    {
      name: 'Key accounts, quarterly',
      question,
      segment: { organizationIds: [...keyOrgs], tags: [], plans: [], activeDays: null },
      cadence: 'quarterly',
      status: 'active',
      startsAt: new Date(keyStart).toISOString(),
      nextRunAt: nextRun.toISOString(),
      skippedCap: 0,
      skippedUnsubscribed: keyCustomers.length - key.length,
      recipients: key,
    },
    30,
  );
  return { campaigns: 2, answers };
}
