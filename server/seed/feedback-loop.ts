import type { DbOrTrx } from '../db/database';
import {
  followUpsSoFar,
  insertTheme,
  insertThemeRule,
  tagAnswerByHand,
  workPastFollowUp,
} from '../modules/feedback';
import type { Random } from './random';

// What the demo department does with its feedback: themes and the words that find them (set up
// before the answers arrive, so each answer is tagged as it is recorded), a few answers tagged by
// hand, and the follow-ups negative answers opened: the older ones called back and closed with an
// outcome, mostly in time; the last days' still open, some past their due time.

const themes: { name: string; phrases: string[] }[] = [
  {
    name: 'Slow',
    phrases: ['slow', 'took too long', 'took over a week', 'a week', 'chased', 'still waiting'],
  },
  { name: 'Not fixed', phrases: ['not fixed', 'not solved', 'still not', 'nothing came'] },
  { name: 'Repeated myself', phrases: ['three times', 'repeat myself', 'different people'] },
  { name: 'Delivery', phrases: ['parcel', 'courier', 'delivery', 'delivered', 'tracking'] },
  { name: 'Damaged goods', phrases: ['soaked', 'damaged', 'broken'] },
  { name: 'Kept informed', phrases: ['kept me updated', 'nobody told me', 'phone call'] },
  { name: 'Friendly', phrases: ['friendly', 'helpful', 'explained everything'] },
];

const DAY = 86_400_000;

/** The themes and their rules, before any answer is recorded; answers the themes' ids by name. */
export async function seedThemes(db: DbOrTrx, now: number): Promise<Map<string, number>> {
  const at = new Date(now - 120 * DAY).toISOString();
  const ids = new Map<string, number>();
  for (const theme of themes) {
    const id = await insertTheme(db, theme.name, at);
    await insertThemeRule(db, id, theme.phrases, at);
    ids.set(theme.name, id);
  }
  ids.set('Billing', await insertTheme(db, 'Billing', at));
  return ids;
}

const recovered = [
  'Called back, apologised and sent a replacement the same day. Customer happy again.',
  'Explained what went wrong and refunded the delivery fee. Thanked us for calling.',
  'Found the lost parcel with the courier; it arrived the next morning.',
];
const notRecovered = [
  'Customer still unhappy with how long it took; offered a voucher, declined.',
  'Spoke to them, but they have moved to another supplier.',
];

/** Hand tags on some answers, then the older follow-ups worked and closed. */
export async function seedFollowUps(
  db: DbOrTrx,
  rnd: Random,
  themeIds: Map<string, number>,
  now: number,
): Promise<{ followUps: number; closed: number }> {
  const billing = themeIds.get('Billing')!;
  const all = await followUpsSoFar(db);
  for (const f of all.filter((x, i) => x.source_kind === 'csat' && i % 6 === 0))
    await tagAnswerByHand(db, f.source_id, billing, new Date(now - DAY).toISOString());
  let closed = 0;
  for (const f of all) {
    const opened = Date.parse(f.created_at);
    const age = now - opened;
    if (age < 4 * DAY) continue;
    const roll = rnd.next();
    const inTime = roll < 0.75;
    const contactedMs = opened + rnd.int(2, inTime ? 20 : 60) * 3_600_000;
    const resolvedMs = Math.min(now - 3_600_000, contactedMs + rnd.int(1, inTime ? 12 : 72) * 3_600_000);
    if (age < 12 * DAY && roll > 0.4) {
      // Still with the customer: called, waiting for their answer.
      await workPastFollowUp(db, {
        id: f.id,
        actorId: f.owner_id,
        contactedAt: new Date(contactedMs).toISOString(),
        resolved: null,
      });
      continue;
    }
    const outcome = rnd.next() < 0.6 ? 'recovered' : rnd.next() < 0.5 ? 'not_recovered' : 'no_response';
    await workPastFollowUp(db, {
      id: f.id,
      actorId: f.owner_id,
      contactedAt: outcome === 'no_response' ? null : new Date(contactedMs).toISOString(),
      resolved: {
        at: new Date(resolvedMs).toISOString(),
        outcome,
        note:
          outcome === 'recovered'
            ? rnd.pick(recovered)
            : outcome === 'not_recovered'
              ? rnd.pick(notRecovered)
              : 'Mailed and called twice, no answer.',
      },
    });
    closed += 1;
  }
  return { followUps: all.length, closed };
}
