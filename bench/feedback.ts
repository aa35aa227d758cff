// The feedback benches (issue 15) on the generated data: survey links for the newest solved
// tickets, half of them answered over the last 90 days (what the feedback inbox lists) and half
// sent yesterday and waiting, each with a token the bench knows. Recording an answer runs over
// HTTP through the public answer route (`surveyAnswering`: autocannon options, a different
// link per request); the feedback inbox page for 90 days runs in-process through the feedback
// service (p50/p95), for survey answers and for NPS answers (`makeNpsAnswers`: campaigns to
// the generated customers, most of them answered over the last 90 days).
import type autocannon from 'autocannon';
import { loadConfig } from '../server/config';
import type { Db } from '../server/db/database';
import {
  feedbackService,
  insertPastCampaign,
  insertPastSurvey,
  npsAnswersService,
} from '../server/modules/feedback';
import { systemContext } from '../server/platform/auth/actor';
import { localBus } from '../server/platform/live/bus';
import { percentiles, type ReportRow } from './reports';

const LINKS = Number(process.env.BENCH_SURVEY_LINKS ?? 10_000);
const NPS_ANSWERS = Number(process.env.BENCH_NPS_RECIPIENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 20);
const DAY = 86_400_000;
const BATCH = 500;

/** A link's token: long and plain enough for the route's check, and known to the bench. */
export const surveyLinkToken = (i: number) => `bench-survey-link-${String(i).padStart(8, '0')}`;

/**
 * Surveys for the newest `2 × BENCH_SURVEY_LINKS` assigned tickets: the older half answered
 * over the last 90 days, the newer half sent yesterday, unanswered, with known tokens.
 * Returns how many waiting links there are.
 */
export async function makeSurveyLinks(db: Db): Promise<number> {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'requester_id', 'assignee_id', 'team_id', 'channel'])
    .where('assignee_id', 'is not', null)
    .orderBy('id', 'desc')
    .limit(LINKS * 2)
    .execute();
  const now = Date.now();
  const waiting = Math.floor(tickets.length / 2);
  for (let from = 0; from < tickets.length; from += BATCH) {
    await db.transaction().execute(async (trx) => {
      for (const [k, t] of tickets.slice(from, from + BATCH).entries()) {
        const i = from + k;
        const answered = i >= waiting;
        const sentMs = answered ? now - (1 + ((i * 7919) % 88)) * DAY : now - DAY;
        await insertPastSurvey(trx, {
          ticket: {
            id: t.id,
            customerId: t.requester_id,
            organizationId: null,
            agentId: t.assignee_id,
            teamId: t.team_id,
            categoryId: null,
            channel: t.channel,
          },
          sentAt: new Date(sentMs).toISOString(),
          token: surveyLinkToken(i),
          answer: answered
            ? {
                rating: 1 + (i % 5),
                effort: 1 + (i % 7),
                comment: i % 3 === 0 ? 'Quick and friendly, thank you.' : '',
                reasonId: null,
                at: new Date(sentMs + 3_600_000).toISOString(),
              }
            : null,
        });
      }
    });
  }
  return waiting;
}

/** Autocannon options that answer a different waiting link on each request, round the links. */
export function surveyAnswering(links: number): Partial<autocannon.Options> {
  let n = 0;
  return {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const i = n++ % Math.max(1, links);
          return {
            ...req,
            path: `/api/v1/public/surveys/${surveyLinkToken(i)}/answer`,
            body: JSON.stringify({
              rating: 1 + (i % 5),
              effort: 1 + (i % 7),
              comment: 'Thanks, sorted quickly.',
            }),
          };
        },
      },
    ],
  };
}

/** The feedback inbox's first page (50 answers and the summary) for the last 90 days, whole desk and one team. */
export async function benchFeedbackInbox(target: string, db: Db): Promise<ReportRow[]> {
  const service = feedbackService({ db, config: loadConfig({}), live: localBus() });
  const ctx = systemContext('Bench');
  const now = Date.now();
  const period = {
    limit: 50,
    from: new Date(now - 90 * DAY).toISOString().slice(0, 10),
    to: new Date(now).toISOString().slice(0, 10),
  };
  const team = await db.selectFrom('teams').select('id').orderBy('id').executeTakeFirstOrThrow();
  const rows: ReportRow[] = [];
  for (const [label, q] of [
    ['every team', period],
    ['one team', { ...period, teamId: team.id }],
  ] as const) {
    const timed = await percentiles(RUNS, () => service.answers(ctx, q));
    rows.push({ target, scenario: `feedback inbox page, 90 days, ${label}`, ...timed });
  }
  return rows;
}

const npsComments = [
  'Support always gets back to me the same day.',
  'Good overall, but delivery times vary a lot.',
  'Three late deliveries this quarter, I am looking at other suppliers.',
  '',
];

/**
 * NPS campaigns to the first `BENCH_NPS_RECIPIENTS` customers, a campaign per thousand, sent over
 * the last 90 days; four in five answered (each scored and tagged by the rules as it is recorded).
 * Returns how many answered.
 */
export async function makeNpsAnswers(db: Db): Promise<number> {
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'organization_id'])
    .orderBy('id')
    .limit(NPS_ANSWERS)
    .execute();
  const now = Date.now();
  let answered = 0;
  for (let from = 0; from < customers.length; from += 1000) {
    const chunk = customers.slice(from, from + 1000);
    const startsMs = now - (2 + (((from / 1000) * 13) % 85)) * DAY;
    const recipients = chunk.map((c, k) => {
      const i = from + k;
      const at = startsMs + (1 + (i % 47)) * 3_600_000;
      return {
        customerId: c.id,
        organizationId: c.organization_id,
        sentAt: new Date(startsMs).toISOString(),
        answer:
          i % 5 === 0
            ? null
            : { score: i % 11, comment: npsComments[i % 4]!, at: new Date(at).toISOString() },
      };
    });
    answered += recipients.filter((r) => r.answer !== null).length;
    await db.transaction().execute((trx) =>
      insertPastCampaign(
        trx,
        {
          name: `Bench NPS ${from / 1000 + 1}`,
          question: 'How likely are you to recommend {company}?',
          segment: { organizationIds: [], tags: [], plans: [], activeDays: null },
          cadence: 'once',
          status: 'finished',
          startsAt: new Date(startsMs).toISOString(),
          nextRunAt: null,
          skippedCap: 0,
          skippedUnsubscribed: 0,
          recipients,
        },
        30,
      ),
    );
  }
  return answered;
}

/** The feedback inbox's first NPS page (50 answers and the summary) for the last 90 days, every campaign and detractors only. */
export async function benchNpsInbox(target: string, db: Db): Promise<ReportRow[]> {
  const service = npsAnswersService({ db });
  const ctx = systemContext('Bench');
  const now = Date.now();
  const period = {
    limit: 50,
    from: new Date(now - 90 * DAY).toISOString().slice(0, 10),
    to: new Date(now).toISOString().slice(0, 10),
  };
  const rows: ReportRow[] = [];
  for (const [label, q] of [
    ['every campaign', period],
    ['detractors', { ...period, group: 'detractor' as const }],
  ] as const) {
    const timed = await percentiles(RUNS, () => service.answers(ctx, q));
    rows.push({ target, scenario: `feedback inbox NPS page, 90 days, ${label}`, ...timed });
  }
  return rows;
}
