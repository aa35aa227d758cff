import { createContractBody } from '../../contracts/service-contracts';
import { createSlaPolicyBody } from '../../contracts/sla';
import type { DbOrTrx } from '../db/database';
import { insertCalendarRow } from '../modules/business-hours';
import { insertContractRow } from '../modules/contracts';
import { backfillClocks, insertPolicyRow } from '../modules/sla';
import { likelyNextTicketId } from '../modules/tickets';

// The demo department's service levels: an office calendar with the holidays it closes on,
// three policies, and clocks on every ticket read from its history.

const weekdays = [1, 2, 3, 4, 5];
const holidays = [
  { date: '2026-01-01', name: "New Year's Day", yearly: true },
  { date: '2026-12-25', name: 'Christmas Day', yearly: true },
  { date: '2026-12-26', name: 'Boxing Day', yearly: true },
  { date: '2027-03-26', name: 'Good Friday', yearly: false },
  { date: '2027-03-29', name: 'Easter Monday', yearly: false },
  { date: '2027-05-03', name: 'Early May bank holiday', yearly: false },
  { date: '2027-05-31', name: 'Spring bank holiday', yearly: false },
  { date: '2027-08-30', name: 'Summer bank holiday', yearly: false },
];

const target = (minutes: number, businessHours = true) => ({ minutes, businessHours });
const byPriority = (
  make: (factor: number) => Record<string, { minutes: number; businessHours: boolean }>,
) => ({
  low: make(2),
  normal: make(1),
  high: make(0.5),
  urgent: make(0.25),
});

export interface ServiceLevelCast {
  /** Organisations with a support contract (a third of them): the premium plan, answered around the clock. */
  contractOrganizationIds: number[];
  /** Who owns the contracts: the managers. */
  ownerIds: number[];
  /** Where a missed complaint target escalates. */
  escalationTeamId: number;
}

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One contract per organisation on the plan: a year each, started at different times, so some
 * are due for their renewal review, one has just expired, and the rest run on; what they
 * include each month alternates between tickets and support hours.
 */
async function seedContracts(db: DbOrTrx, cast: ServiceLevelCast, now: number): Promise<void> {
  for (const [i, organizationId] of cast.contractOrganizationIds.entries()) {
    const endsIn = i === 0 ? 12 : i === 1 ? -5 : i === 2 ? 25 : 40 + i * 23;
    const ends = now + endsIn * DAY;
    await insertContractRow(
      db,
      createContractBody.parse({
        organizationId,
        plan: 'Premium',
        startsOn: dateOf(ends - 365 * DAY),
        endsOn: dateOf(ends),
        entitlement:
          i % 2 === 0 ? { kind: 'tickets', perMonth: 10 + (i % 4) * 5 } : { kind: 'hours', perMonth: 8 },
        ownerId: cast.ownerIds[i % cast.ownerIds.length] ?? null,
        reviewDaysBefore: 30,
        notes: i === 1 ? 'Renewal under negotiation: they asked for a lower ticket allowance.' : '',
      }),
      new Date(now - 400 * DAY).toISOString(),
    );
  }
}

export async function seedServiceLevels(db: DbOrTrx, cast: ServiceLevelCast, now: number): Promise<void> {
  const at = new Date(now).toISOString();
  await insertCalendarRow(db, {
    name: 'London office',
    timezone: 'Europe/London',
    hours: weekdays.map((day) => ({ day, start: '08:00', end: '18:00' })),
    holidays,
    now: at,
  });
  await insertPolicyRow(
    db,
    createSlaPolicyBody.parse({
      name: 'Complaints',
      description: 'Every complaint, whoever sends it: answered within the hour, escalated when missed',
      conditions: { type: ['complaint'] },
      targets: byPriority((f) => ({
        first_reply: target(Math.round(60 * f)),
        next_reply: target(Math.round(120 * f)),
        resolution: target(Math.round(3 * 24 * 60 * f), false),
      })),
      onBreach: { raisePriority: true, escalateToTeamId: cast.escalationTeamId },
    }),
    at,
  );
  await insertPolicyRow(
    db,
    createSlaPolicyBody.parse({
      name: 'Premium',
      description:
        'Organisations on the premium support plan: around the clock, with updates every four hours',
      conditions: { plan: ['Premium'] },
      targets: byPriority((f) => ({
        first_reply: target(Math.round(120 * f), false),
        next_reply: target(Math.round(240 * f), false),
        periodic_update: target(Math.round(8 * 60 * f), false),
        resolution: target(Math.round(2 * 24 * 60 * f), false),
      })),
      warnAtPercent: 80,
    }),
    at,
  );
  await insertPolicyRow(
    db,
    createSlaPolicyBody.parse({
      name: 'Standard',
      description: 'Everyone else, in office hours',
      targets: byPriority((f) => ({
        first_reply: target(Math.round(8 * 60 * f)),
        next_reply: target(Math.round(8 * 60 * f)),
        resolution: target(Math.round(5 * 24 * 60 * f), false),
      })),
    }),
    at,
  );
  await seedContracts(db, cast, now);
  const last = (await likelyNextTicketId(db)) - 1;
  for (let id = 1; id <= last; id += 1) await backfillClocks(db, id, now);
}
