import { expect, it } from 'vitest';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { sendTicketNotifications } from '../modules/notifications';
import { computeReport } from '../modules/reports';
import { unansweredSubjects } from './data-quality';
import { DEMO_PASSWORD, demoCustomer, demoLogins, seedDemo } from './demo';
import { DETAILED_DAYS } from './history';
import { arrivals } from './routing';
import { SPIKE_TICKETS } from './spikes';
import { caseOf } from './ticket-content';

const DAY = 86_400_000;
const HISTORY_DAYS = 400;
/** A fifth of the older tickets: the same months and trends, seeded faster. */
const HISTORY_SHARE = 0.2;

describeApi('demo department', (t) => {
  it('fills a realistic department once, and only once, without mailing anyone about its history', async () => {
    // A running server: the notifier already has its place in the ticket history.
    await sendTicketNotifications(t.handle.db, loadConfig({}), 0);
    // Shorter than the two years a real seed writes, and still reaching back past a year.
    const summary = await seedDemo(t.handle, loadConfig({ PUBLIC_URL: 'https://help.example.com' }), {
      days: HISTORY_DAYS,
      share: HISTORY_SHARE,
    });
    expect(summary).toContain('2000 tickets');
    const older = Number(/(\d+) older tickets back to 400 days ago/.exec(summary)?.[1]);
    // About 20 a day, fewer further back, at weekends and in the summer (a fifth of them here).
    expect(older).toBeGreaterThan(12 * HISTORY_SHARE * (HISTORY_DAYS - DETAILED_DAYS));
    // Who can sign in, where and how: every staff login, and a customer for the portal.
    expect(summary).toContain(
      `Staff sign in at https://help.example.com/login with the password "${DEMO_PASSWORD}"`,
    );
    for (const login of demoLogins) expect(summary).toContain(login.email);
    expect(summary).toContain('amara.adeyemi@steward.example');
    expect(summary).toContain('A customer signs in to the portal at https://help.example.com/portal/login');
    expect(summary).toContain(demoCustomer.email);
    const count = async (
      table:
        | 'users'
        | 'teams'
        | 'customers'
        | 'organizations'
        | 'tickets'
        | 'messages'
        | 'ticket_time_entries',
    ) =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('users')).toBe(16);
    expect(await count('teams')).toBe(3);
    // 200, and six entered twice (the data-quality checks find them).
    expect(await count('customers')).toBe(206);
    // 40, and three the data-quality checks look at (two with no domain).
    expect(await count('organizations')).toBe(43);
    // Two more solved without a reply (a data-quality finding).
    expect(await count('tickets')).toBe(2000 + 2 + arrivals.length + older + SPIKE_TICKETS);
    expect(await count('messages')).toBeGreaterThan(4000);
    // Handle time on a third of the answered tickets, each entry with its event in the history.
    const entries = await count('ticket_time_entries');
    expect(entries).toBeGreaterThan(300);
    const logged = await t.handle.db
      .selectFrom('ticket_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', 'time_logged')
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBe(entries);
    // Seeded replies, solved tickets and assignments are history: the notifier queues nothing.
    while ((await sendTicketNotifications(t.handle.db, loadConfig({}), 0)) > 0);
    // Only the new requests routed to agents tell their assignees, as any assignment does.
    const queued = await t.handle.db.selectFrom('mail_outbox').select('to_address').execute();
    const routedTo = await t.handle.db
      .selectFrom('routing_log')
      .innerJoin('users', 'users.id', 'routing_log.assignee_id')
      .select('users.email')
      .execute();
    expect(routedTo.length).toBeGreaterThan(0);
    const assignees = new Set(routedTo.map((r) => r.email));
    expect(queued.filter((m) => !assignees.has(m.to_address))).toEqual([]);
    // The printed logins work: staff on the sign-in page, the customer on the portal, with requests of their own.
    for (const email of [...demoLogins.map((l) => l.email), 'amara.adeyemi@steward.example']) {
      expect((await t.login(email, DEMO_PASSWORD)).statusCode, email).toBe(200);
    }
    const customer = await t.login(demoCustomer.email, DEMO_PASSWORD);
    expect(customer.statusCode).toBe(200);
    const cookie = customer.cookies.find((c) => c.name === 'steward_session')!;
    const requests = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portal/tickets',
      cookies: { steward_session: cookie.value },
    });
    expect(requests.statusCode).toBe(200);
    expect((requests.json() as { data: unknown[] }).data.length).toBeGreaterThan(0);
    await expectCoherentHistory();
    await expectReportsOfLastYear(older);
    // Run again, it changes nothing and still says how to sign in.
    const again = await seedDemo(t.handle, loadConfig({}));
    expect(again).toMatch(/already there/);
    expect(again).toContain(demoCustomer.email);
  }, 400_000);

  /** The longer history reaches the reports: its tickets are in the aggregates, month by month. */
  async function expectReportsOfLastYear(older: number) {
    const db = t.handle.db;
    const now = Date.now();
    const yearAgo = new Date(now - 365 * DAY).toISOString();
    const oldest = await db
      .selectFrom('tickets')
      .select('created_at')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(Date.parse(oldest.created_at)).toBeLessThan(now - 380 * DAY);
    // Each older ticket is folded into the hourly aggregates, opened and solved.
    const cutoff = new Date(now - DETAILED_DAYS * DAY).toISOString();
    const folded = await db
      .selectFrom('report_hours')
      .select((eb) => [eb.fn.sum<number>('created').as('created'), eb.fn.min('hour').as('first')])
      .where('hour', '<', cutoff)
      .where('grain', '=', 'all')
      .executeTakeFirstOrThrow();
    expect(Number(folded.created)).toBeGreaterThanOrEqual(older);
    expect(String(folded.first) < yearAgo).toBe(true);
    // Every month of last year that the history covers has figures in each report.
    for (let monthsAgo = 4; monthsAgo <= 12; monthsAgo += 1) {
      const start = new Date(now);
      start.setUTCDate(1);
      start.setUTCMonth(start.getUTCMonth() - monthsAgo);
      const end = new Date(start);
      end.setUTCMonth(end.getUTCMonth() + 1);
      end.setUTCDate(0);
      const period = {
        from: start.toISOString().slice(0, 10),
        to: end.toISOString().slice(0, 10),
        tz: 'UTC',
      };
      const value = async (kind: 'volume' | 'speed' | 'satisfaction' | 'service-levels', key: string) =>
        (await computeReport(db, kind, period)).figures.find((f) => f.key === key)?.value ?? null;
      expect(await value('volume', 'created'), period.from).toBeGreaterThan(200 * HISTORY_SHARE);
      expect(await value('volume', 'solved'), period.from).toBeGreaterThan(200 * HISTORY_SHARE);
      expect(await value('speed', 'first_reply_median'), period.from).toBeGreaterThan(0);
      expect(await value('service-levels', 'sla_first_reply'), period.from).not.toBeNull();
      expect(await value('satisfaction', 'csat'), period.from).toBeGreaterThan(0);
    }
  }

  /** The demo reads like a real department's history, not like rows thrown together. */
  async function expectCoherentHistory() {
    const db = t.handle.db;
    const tickets = await db
      .selectFrom('tickets')
      .select(['id', 'subject', 'escalated_at', 'escalation_reason', 'created_at'])
      .execute();
    // Every escalation has its entry in the ticket's history, at the time it happened.
    const escalated = tickets.filter((ticket) => ticket.escalated_at !== null);
    expect(escalated.length).toBeGreaterThan(0);
    const escalations = await db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'to_value', 'created_at'])
      .where('type', '=', 'escalated')
      .execute();
    const escalationOf = new Map(escalations.map((e) => [e.ticket_id, e]));
    for (const ticket of escalated) {
      const event = escalationOf.get(ticket.id);
      expect(event, `ticket ${ticket.id} was escalated without a history entry`).toBeDefined();
      expect(event!.to_value).toBe(ticket.escalation_reason);
      expect(Date.parse(event!.created_at)).toBe(Date.parse(ticket.escalated_at!));
    }
    expect(escalations.length).toBe(escalated.length);
    // Every ticket's first message says what its subject says.
    const openers = await db
      .selectFrom('messages')
      .select(['ticket_id', 'body'])
      .where('kind', '=', 'customer')
      .orderBy('id')
      .execute();
    const firstOf = new Map<number, string>();
    for (const m of openers) if (!firstOf.has(m.ticket_id)) firstOf.set(m.ticket_id, m.body);
    // The requests that just arrived (routed for real) are written for routing: their language and skills.
    // So are the two solved without a reply, planted for the data-quality checks.
    const arrived = new Set<string>([...arrivals.map((a) => a.subject), ...unansweredSubjects]);
    for (const ticket of tickets.filter((x) => !arrived.has(x.subject))) {
      const matter = caseOf(ticket.subject);
      expect(matter, `no case for "${ticket.subject}"`).toBeDefined();
      const body = firstOf.get(ticket.id) ?? '';
      expect(
        matter!.case.openers.some((template) => fitsTemplate(body, template)),
        `ticket ${ticket.id} "${ticket.subject}" opens with "${body}"`,
      ).toBe(true);
    }
    // Staff joined before the 90 days of work they did, and have signed in since.
    const oldest = tickets.map((ticket) => ticket.created_at).sort()[0]!;
    const staff = await db
      .selectFrom('users')
      .select(['email', 'created_at', 'last_login_at'])
      .where('role', '!=', 'customer')
      .execute();
    expect(staff.length).toBe(15);
    for (const user of staff) {
      expect(user.last_login_at, `${user.email} never signed in`).not.toBeNull();
      expect(
        Date.parse(user.created_at) < Date.parse(oldest),
        `${user.email} joined after the work began`,
      ).toBe(true);
      expect(Date.parse(user.last_login_at!)).toBeGreaterThan(Date.parse(user.created_at));
      expect(Date.parse(user.last_login_at!)).toBeGreaterThan(Date.now() - 2 * 86_400_000);
    }
  }
});

/** Whether a body is a template with its placeholders filled in: its fixed pieces, in order. */
function fitsTemplate(body: string, template: string): boolean {
  let at = 0;
  for (const piece of template.split(/\{order\}|\{day\}/)) {
    const found = body.indexOf(piece, at);
    if (found < 0 || (at === 0 && found !== 0)) return false;
    at = found + piece.length;
  }
  return template.endsWith('}') || at === body.length;
}
