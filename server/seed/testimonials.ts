import { consentText, defaultConsentWording } from '../../contracts/testimonials';
import type { DbOrTrx } from '../db/database';
import { insertPastTestimonial } from '../modules/feedback';
import { insertPastReferral, type PastReferral } from '../modules/referrals';

// The demo department's testimonials and referrals: the NPS promoters who left a comment were
// asked whether they may be quoted (most agreed, a few have not answered, one declined, one
// withdrew later), and a handful of customers referred others, their rewards at every stage.

const DAY = 86_400_000;
const HOUR = 3_600_000;

const answers = [
  { decision: 'approve', displayAs: 'full' },
  { decision: 'approve', displayAs: 'first_org' },
  { decision: 'approve', displayAs: 'anonymous' },
  { decision: 'approve', displayAs: 'first_org' },
  null,
  { decision: 'decline' },
  { decision: 'approve', displayAs: 'full', withdrawn: true },
  null,
] as const;

async function seedTestimonials(db: DbOrTrx, now: number): Promise<number> {
  const company = (await db.selectFrom('nps_settings').select('company').executeTakeFirst())?.company ?? '';
  const promoters = await db
    .selectFrom('nps_recipients as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('organizations as o', 'o.id', 'r.organization_id')
    .select([
      'r.id',
      'r.score',
      'r.comment',
      'r.answered_at',
      'c.id as customerId',
      'c.name',
      'r.organization_id',
      'o.name as orgName',
    ])
    .where('r.score', '>=', 9)
    .where('r.comment', '<>', '')
    .where('r.answered_at', 'is not', null)
    .orderBy('r.id')
    .limit(answers.length)
    .execute();
  const seen = new Set<number>();
  let count = 0;
  for (const [i, p] of promoters.entries()) {
    if (seen.has(p.customerId)) continue;
    seen.add(p.customerId);
    const requested = Math.min(Date.parse(p.answered_at!) + HOUR, now - (i + 2) * DAY);
    const answer = answers[i] ?? null;
    const at = new Date(requested + 5 * HOUR).toISOString();
    await insertPastTestimonial(db, {
      source: 'nps',
      sourceId: p.id,
      customer: {
        id: p.customerId,
        name: p.name,
        organizationId: p.organization_id,
        organizationName: p.orgName,
      },
      quote: p.comment,
      score: p.score ?? 10,
      requestedAt: new Date(requested).toISOString(),
      // The unanswered ones are still open: their links work a while longer.
      linkDays: answer === null ? 60 : 30,
      consentWording: consentText(defaultConsentWording, company),
      answer:
        answer === null
          ? null
          : answer.decision === 'decline'
            ? { decision: 'decline', at }
            : {
                decision: 'approve',
                displayAs: answer.displayAs,
                at,
                ...('withdrawn' in answer
                  ? { withdrawnAt: new Date(requested + 3 * DAY).toISOString() }
                  : {}),
              },
    });
    count += 1;
  }
  return count;
}

async function seedReferrals(db: DbOrTrx, now: number): Promise<number> {
  const customers = await db
    .selectFrom('customers')
    .select('id')
    .where('email', 'is not', null)
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .limit(40)
    .execute();
  const staff = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('role', 'in', ['agent', 'manager'])
    .orderBy('id')
    .execute();
  const agent = staff.find((u) => u.role === 'agent')?.id ?? null;
  const manager = staff.find((u) => u.role === 'manager')?.id ?? null;
  const id = (i: number) => customers[i % Math.max(1, customers.length)]!.id;
  if (customers.length < 16) return 0;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const referrals: PastReferral[] = [
    {
      referrerId: id(2),
      referredId: id(30),
      source: 'phone',
      note: 'Mentioned on a call about their renewal',
      orderRef: '',
      createdBy: agent,
      at: at(40),
      moves: [
        { to: 'qualified', by: manager, note: 'First order paid', at: at(30) },
        { to: 'rewarded', by: manager, note: 'Voucher sent', at: at(25) },
      ],
    },
    {
      referrerId: id(2),
      referredId: id(31),
      source: 'event',
      note: 'Met at the spring trade fair',
      orderRef: 'SO-20417',
      createdBy: agent,
      at: at(20),
      moves: [{ to: 'qualified', by: manager, note: '', at: at(12) }],
    },
    {
      referrerId: id(5),
      referredId: id(32),
      source: 'email',
      note: '',
      orderRef: '',
      createdBy: agent,
      at: at(9),
      moves: [],
    },
    {
      referrerId: id(7),
      referredId: id(33),
      source: 'portal',
      note: 'Said a colleague recommended us',
      orderRef: '',
      createdBy: agent,
      at: at(6),
      moves: [],
    },
    {
      referrerId: id(9),
      referredId: id(34),
      source: 'phone',
      note: 'Same company, another branch: not a new customer',
      orderRef: '',
      createdBy: agent,
      at: at(15),
      moves: [
        { to: 'declined', by: manager, note: 'Already a customer through their head office', at: at(14) },
      ],
    },
  ];
  let count = 0;
  for (const r of referrals) if ((await insertPastReferral(db, r)) !== null) count += 1;
  return count;
}

/** Testimonials from the demo promoters and a few referrals; after the NPS seed (it reads its answers). */
export async function seedTestimonialsAndReferrals(
  db: DbOrTrx,
  now: number,
): Promise<{ testimonials: number; referrals: number }> {
  return { testimonials: await seedTestimonials(db, now), referrals: await seedReferrals(db, now) };
}
