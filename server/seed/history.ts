import type { TicketPriority } from '../../contracts/tickets';
import type { DbOrTrx } from '../db/database';
import { insertPastSurvey } from '../modules/feedback';
import { indexNewTicket } from '../modules/search';
import { DEFAULT_AUTO_CLOSE_DAYS } from '../modules/settings';
import { backfillClocks } from '../modules/sla';
import {
  appendTicketEvents,
  insertMessageRow,
  insertTicketRow,
  type TicketEventInput,
} from '../modules/tickets';
import { renderMarkdown } from '../platform/markdown';
import type { Random } from './random';
import { fill, topics } from './ticket-content';

// The demo department's longer past: the days before the detailed 90, back to two years ago
// (DEMO_HISTORY_DAYS), lighter tickets (the customer's request and one reply, solved, then
// closed) with their history, service-level outcomes and some survey answers, so every report
// has a trend to show: busier weekdays, a desk growing gently, a summer dip and a product
// launch that floods it for a few weeks.

const DAY = 86_400_000;
const MINUTE = 60_000;
const AUTO_CLOSE_MS = DEFAULT_AUTO_CLOSE_DAYS * DAY;
/** Where the detailed history begins: the tickets of the last 90 days are seeded in full. */
export const DETAILED_DAYS = 90;
export const DEFAULT_HISTORY_DAYS = 730;
/** Tickets a day in the detailed 90 days (2,000 of them): the rate the history grows towards. */
const RECENT_PER_DAY = 2000 / DETAILED_DAYS;
/** Days ago the product launch was: the weeks after it are the busiest of the history. */
export const LAUNCH_DAYS_AGO = 240;

/** How many days of history the demo spans, from DEMO_HISTORY_DAYS (90 = the detailed days only). */
export function demoHistoryDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DEMO_HISTORY_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_HISTORY_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < DETAILED_DAYS || days > 3 * 365)
    throw new Error(`DEMO_HISTORY_DAYS must be a whole number of days from ${DETAILED_DAYS} to 1095`);
  return days;
}

/** Busier at the start of the week, quiet at weekends (Sunday first); averages 1. */
const weekday = [0.45, 1.3, 1.2, 1.1, 1.05, 1.0, 0.5].map((f) => (f * 7) / 6.6);

/** The desk's load on a day, against the detailed days' rate: growth, season and the launch. */
export function loadOn(dayMs: number, ageDays: number, historyDays: number): number {
  const span = Math.max(1, historyDays - DETAILED_DAYS);
  const growth = 1 - 0.4 * Math.min(1, Math.max(0, (ageDays - DETAILED_DAYS) / span));
  const month = new Date(dayMs).getUTCMonth();
  const summer = month === 6 ? 0.8 : month === 7 ? 0.7 : 1;
  const sinceLaunch = LAUNCH_DAYS_AGO - ageDays;
  const launch = sinceLaunch >= 0 && sinceLaunch < 42 ? 1 + 0.9 * Math.exp(-sinceLaunch / 12) : 1;
  return growth * summer * launch;
}

export interface HistoryOptions {
  /** Days back from today (DEMO_HISTORY_DAYS); 90 = the detailed days only. */
  days: number;
  /** The share of the tickets written (1 = all): tests keep the shape with fewer rows. */
  share?: number;
}

/** Tickets opened on a day `ageDays` ago. */
function ticketsOn(dayMs: number, ageDays: number, history: HistoryOptions, rnd: Random): number {
  const expected =
    RECENT_PER_DAY *
    (history.share ?? 1) *
    loadOn(dayMs, ageDays, history.days) *
    (weekday[new Date(dayMs).getUTCDay()] ?? 1);
  const whole = Math.floor(expected);
  return whole + (rnd.next() < expected - whole ? 1 : 0);
}

interface Cast {
  customers: { id: number; name: string; email: string; organizationId: number | null }[];
  agents: { id: number; teamId: number }[];
  categoryIds: number[];
}

const channels = ['email', 'email', 'email', 'web', 'portal', 'phone', 'api'] as const;

interface HistoricTicket {
  id: number;
  customer: Cast['customers'][number];
  agentId: number;
  teamId: number;
  categoryId: number | null;
  channel: (typeof channels)[number];
  solved: number;
}

const at = (ms: number) => new Date(ms).toISOString();
const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
const praise = ['Quick and helpful, thank you.', 'Sorted the same day.', '', '', 'Friendly and clear.'];
const grumbles = ['Took a long time to hear back.', 'Had to chase for an answer.', ''];

/** Renders each distinct body once: the history repeats its cases' sentences. */
function htmlOf(cache: Map<string, string>, body: string): string {
  let html = cache.get(body);
  if (html === undefined) {
    html = renderMarkdown(body);
    cache.set(body, html);
  }
  return html;
}

/** One light ticket: the request, the answer, solved, closed by the auto-close period. */
async function seedOne(
  db: DbOrTrx,
  rnd: Random,
  cast: Cast,
  created: number,
  load: number,
  html: Map<string, string>,
): Promise<HistoricTicket> {
  const topicIndex = rnd.int(0, topics.length - 1);
  const topic = topics[topicIndex]!;
  const matter = rnd.pick(topic.cases);
  const customer = rnd.pick(cast.customers);
  const agent = rnd.pick(cast.agents);
  const channel = rnd.pick(channels);
  const priority: TicketPriority = rnd.pick(priorities);
  const values = { order: `SO-${90000 + rnd.int(0, 9999)}`, day: `${rnd.int(1, 28)}th` };
  // A busy desk answers later: the launch weeks and the summer show in the speed reports.
  const firstReply = created + Math.round(rnd.int(10, 5 * 60) * load) * MINUTE;
  const solved = firstReply + rnd.int(30, 36 * 60) * MINUTE;
  const closed = solved + AUTO_CLOSE_MS;
  const opener = fill(rnd.pick(matter.openers), values);
  const reply = fill(rnd.pick(matter.replies), values);
  const categoryId = cast.categoryIds[topicIndex] ?? null;
  const id = await insertTicketRow(db, {
    subject: matter.subject,
    requester_id: customer.id,
    organization_id: customer.organizationId,
    channel,
    type: topic.type,
    priority,
    status: 'closed',
    category_id: categoryId,
    assignee_id: agent.id,
    team_id: agent.teamId,
    due_at: null,
    escalated_at: null,
    escalation_reason: null,
    escalated_to_id: null,
    custom_fields: JSON.stringify({ order_no: values.order }),
    tags: '[]',
    first_reply_at: at(firstReply),
    solved_at: at(solved),
    closed_at: at(closed),
    last_message_at: at(firstReply),
    last_customer_message_at: null,
    waiting_since: null,
    merged_into_id: null,
    follow_up_of_id: null,
    message_count: 2,
    created_at: at(created),
    updated_at: at(closed),
  });
  const messageIds: number[] = [];
  for (const [kind, body, time] of [
    ['customer', opener, created],
    ['reply', reply, firstReply],
  ] as const)
    messageIds.push(
      await insertMessageRow(db, {
        ticketId: id,
        kind,
        authorUserId: kind === 'reply' ? agent.id : null,
        authorCustomerId: kind === 'customer' ? customer.id : null,
        channel,
        body,
        html: htmlOf(html, body),
        meta: {},
        now: at(time),
      }),
    );
  const staff = { type: 'user', id: agent.id } as const;
  const system = { type: 'system', id: null } as const;
  const events: [number, typeof staff | typeof system, TicketEventInput][] = [
    [created, system, { type: 'created', to: 'new' }],
    [created + MINUTE, staff, { type: 'assigned', from: null, to: agent.id }],
    [solved, staff, { type: 'status_changed', from: 'open', to: 'solved' }],
    [closed, system, { type: 'status_changed', from: 'solved', to: 'closed' }],
  ];
  for (const [time, actor, event] of events.slice(0, 2))
    await appendTicketEvents(db, id, actor, [event], at(time), { historic: true });
  // Answered and opened in the same moment: one write of the reply, its first-reply time and the opening.
  await appendTicketEvents(
    db,
    id,
    staff,
    [
      { type: 'replied', to: messageIds[1] ?? null },
      { type: 'first_reply', to: Math.round((firstReply - created) / 1000) },
      { type: 'status_changed', from: 'new', to: 'open' },
    ],
    at(firstReply),
    { historic: true },
  );
  for (const [time, actor, event] of events.slice(2))
    await appendTicketEvents(db, id, actor, [event], at(time), { historic: true });
  await indexNewTicket(db, id, {
    subject: matter.subject,
    body: `${opener}\n${reply}`,
    customer: `${customer.name} ${customer.email}`,
  });
  return { id, customer, agentId: agent.id, teamId: agent.teamId, categoryId, channel, solved };
}

/** A survey for about a third of the tickets, two in five answered; kinder when the desk was calm. */
async function surveyOf(db: DbOrTrx, rnd: Random, ticket: HistoricTicket, load: number): Promise<void> {
  if (rnd.next() > 0.35) return;
  const sent = ticket.solved + 60 * MINUTE;
  const answered = rnd.next() < 0.4;
  const happy = rnd.next() < 0.92 - 0.25 * Math.max(0, load - 1);
  await insertPastSurvey(db, {
    ticket: {
      id: ticket.id,
      customerId: ticket.customer.id,
      organizationId: ticket.customer.organizationId,
      agentId: ticket.agentId,
      teamId: ticket.teamId,
      categoryId: ticket.categoryId,
      channel: ticket.channel,
    },
    sentAt: at(sent),
    answer: answered
      ? {
          rating: happy ? rnd.int(4, 5) : rnd.int(1, 3),
          effort: happy ? rnd.int(5, 7) : rnd.int(2, 4),
          comment: rnd.pick(happy ? praise : grumbles),
          reasonId: null,
          at: at(sent + rnd.int(10, 24 * 60) * MINUTE),
        }
      : null,
  });
}

/**
 * The tickets of the days from `history.days` ago up to the detailed 90, oldest first, each
 * with its service-level clocks read from its history; returns how many were written.
 */
export async function seedHistory(
  db: DbOrTrx,
  rnd: Random,
  cast: Cast,
  history: HistoryOptions,
  now: number,
): Promise<number> {
  const historyDays = history.days;
  const html = new Map<string, string>();
  const today = Math.floor(now / DAY) * DAY;
  let written = 0;
  for (let ageDays = historyDays; ageDays > DETAILED_DAYS; ageDays -= 1) {
    const dayMs = today - ageDays * DAY;
    const load = loadOn(dayMs, ageDays, historyDays);
    // Slower answers when busier than the desk is now: the launch weeks, less so the summer.
    const pressure = Math.max(load, new Date(dayMs).getUTCMonth() === 7 ? 1.3 : 1);
    const count = ticketsOn(dayMs, ageDays, history, rnd);
    // Opened in the working day, mostly: from 07:00 to 19:00 UTC.
    const times = Array.from({ length: count }, () => dayMs + rnd.int(7 * 60, 19 * 60) * MINUTE).sort(
      (a, b) => a - b,
    );
    for (const created of times) {
      const ticket = await seedOne(db, rnd, cast, created, pressure, html);
      await backfillClocks(db, ticket.id, now);
      await surveyOf(db, rnd, ticket, pressure);
      written += 1;
    }
  }
  return written;
}
