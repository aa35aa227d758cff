import type { DbOrTrx } from '../db/database';
import { insertSchedule, insertShare } from '../modules/reports';

const DAY = 86_400_000;

/**
 * Reports that leave the app in the demo: the pain points mailed weekly to the product team, the
 * satisfaction report monthly to the managers, and a link sharing the last 30 days' pain points.
 */
export async function seedReportSchedules(
  db: DbOrTrx,
  { managerIds, ownerId }: { managerIds: number[]; ownerId: number },
  nowMs: number,
): Promise<void> {
  await insertSchedule(
    db,
    {
      name: 'Pain points for the product team',
      report: 'pain-points',
      filters: {},
      cadence: 'weekly',
      weekday: 1,
      monthDay: null,
      hour: 8,
      userIds: [],
      emails: ['product-team@steward.example'],
      active: true,
    },
    ownerId,
    nowMs,
  );
  await insertSchedule(
    db,
    {
      name: 'Monthly satisfaction',
      report: 'satisfaction',
      filters: {},
      cadence: 'monthly',
      weekday: null,
      monthDay: 1,
      hour: 7,
      userIds: managerIds,
      emails: [],
      active: true,
    },
    ownerId,
    nowMs,
  );
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await insertShare(
    db,
    {
      report: 'pain-points',
      filters: { from: day(nowMs - 30 * DAY), to: day(nowMs - DAY) },
      label: 'For Product team',
      expiresInDays: 30,
    },
    ownerId,
    nowMs,
  );
}
