import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import { insertScoreHistory } from '../modules/data-quality';
import { rebuildAggregates } from '../modules/reports';
import { alertUnassignedTickets } from '../modules/routing';
import { insertCustomFieldRow } from '../modules/ticket-fields';
import { seedAutomation } from './automation';
import { seedDataQuality, seedUnansweredSolved } from './data-quality';
import { insertCustomers, insertMailbox, insertOrganization, insertTeam, insertUser } from './factories';
import { seedFeedback } from './feedback';
import { seedFollowUps, seedThemes } from './feedback-loop';
import { seedGoals } from './goals';
import { demoHistoryDays, type HistoryOptions, seedHistory } from './history';
import { seedMacros } from './macros';
import { companySuffixes, companyWords, firstNames, languages, lastNames, skills, timezones } from './names';
import { seedNps } from './nps';
import { seededRandom } from './random';
import { seedReportSchedules } from './report-schedules';
import { arrivals, seedRouting } from './routing';
import { seedServiceLevels } from './service-levels';
import { seedSpike } from './spikes';
import { seedTestimonialsAndReferrals } from './testimonials';
import { seedCategories, seedTickets } from './tickets';
import { seedTimeEntries } from './time-entries';

export const DEMO_PASSWORD = 'steward-demo';
export const DEMO_DOMAIN = 'steward.example';
const DEMO_TICKETS = 2000;

export const demoLogins = [
  { role: 'admin', email: `admin@${DEMO_DOMAIN}`, name: 'Alex Admin' },
  { role: 'manager', email: `morgan@${DEMO_DOMAIN}`, name: 'Morgan Reyes' },
  { role: 'manager', email: `sam@${DEMO_DOMAIN}`, name: 'Sam Okoye' },
] as const;

const teamNames = [
  { name: 'Frontline', description: 'First contact: questions, orders and returns' },
  { name: 'Technical', description: 'Product faults, incidents and escalations from Frontline' },
  { name: 'Key Accounts', description: 'Contract customers and complaints that need a senior touch' },
] as const;

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.');

const AGENTS = 12;
const agentName = (i: number) =>
  `${firstNames[(i * 3) % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`;

const organizationName = (i: number) =>
  `${companyWords[i % companyWords.length]} ${companySuffixes[Math.floor(i / companyWords.length) * 3 + (i % 3)]}`;
const organizationDomain = (i: number) => `${slug(organizationName(i)).replace(/\./g, '')}.example`;

/** The customer who has a portal password, with requests of their own to look at. */
export const demoCustomer = {
  name: 'Petra Lindqvist',
  email: `petra.lindqvist@${organizationDomain(0)}`,
  organization: organizationName(0),
};

/** What `steward seed-demo` prints: who can sign in, where, with which password. */
export function demoSignIns(config: Pick<Config, 'publicUrl'>): string {
  const agent = { role: 'agent', email: `${slug(agentName(0))}@${DEMO_DOMAIN}`, name: agentName(0) };
  const customer = {
    role: 'customer',
    ...demoCustomer,
    name: `${demoCustomer.name} (${demoCustomer.organization})`,
  };
  const width = Math.max(...[...demoLogins, customer].map((l) => l.email.length));
  const row = (l: { role: string; email: string; name: string }) =>
    `  ${l.role.padEnd(9)} ${l.email.padEnd(width)}  ${l.name}`;
  return [
    `Staff sign in at ${config.publicUrl}/login with the password "${DEMO_PASSWORD}":`,
    ...[...demoLogins, agent].map(row),
    `  (and ${AGENTS - 1} more agents, listed under Admin → Users, with the same password)`,
    '',
    `A customer signs in to the portal at ${config.publicUrl}/portal/login (the Password tab), with the same password:`,
    row(customer),
  ].join('\n');
}

/**
 * A realistic department: 3 teams, 12 agents, 2 managers (each leading teams), an admin,
 * and 200 customers in 40 organisations. Deterministic, and refuses to run twice.
 */
export async function seedDemo(
  handle: DatabaseHandle,
  config: Config,
  /** Days of history (DEMO_HISTORY_DAYS, two years by default); 90 = the detailed days only. */
  history: HistoryOptions = { days: demoHistoryDays() },
): Promise<string> {
  const historyDays = history.days;
  const { db } = handle;
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoLogins[0].email)
    .executeTakeFirst();
  if (existing) return `The demo department is already there; nothing changed.\n\n${demoSignIns(config)}`;
  const rnd = seededRandom(2026);
  const nowMs = Date.now();
  /** Accounts made long before the history of tickets, signed in to every working day. */
  const accountHistory = () => ({
    createdAt: new Date(nowMs - rnd.int(historyDays + 90, historyDays + 1010) * 86_400_000).toISOString(),
    lastSignInAt: new Date(nowMs - rnd.int(20, 26 * 60) * 60_000).toISOString(),
  });

  let older = 0;
  const goalCast = await db.transaction().execute(async (trx) => {
    const staffIds: number[] = [];
    for (const login of demoLogins) {
      staffIds.push(
        await insertUser(trx, {
          ...login,
          password: DEMO_PASSWORD,
          timezone: 'Europe/Berlin',
          languages: ['en', 'de'],
          ...accountHistory(),
        }),
      );
    }
    const [, morgan, sam] = staffIds;
    const agentIds: number[] = [];
    for (let i = 0; i < AGENTS; i += 1) {
      const name = agentName(i);
      agentIds.push(
        await insertUser(trx, {
          email: `${slug(name)}@${DEMO_DOMAIN}`,
          name,
          role: 'agent',
          password: DEMO_PASSWORD,
          timezone: rnd.pick(timezones),
          skills: [...new Set([rnd.pick(skills), rnd.pick(skills)])],
          languages: [...new Set(['en', rnd.pick(languages)])],
          ...accountHistory(),
        }),
      );
    }
    const leads = [morgan!, sam!, agentIds[8]!];
    const teamIds: number[] = [];
    const leadOf: Record<number, number> = {};
    for (const [index, team] of teamNames.entries()) {
      const teamId = await insertTeam(trx, {
        ...team,
        leadId: leads[index]!,
        memberIds: agentIds.slice(index * 4, index * 4 + 4),
      });
      teamIds.push(teamId);
      leadOf[teamId] = leads[index]!;
    }
    await insertMailbox(trx, {
      address: `support@${DEMO_DOMAIN}`,
      displayName: 'Steward Support',
      defaultTeamId: teamIds[0]!,
      isDefault: true,
    });

    const orgIds: { id: number; domain: string }[] = [];
    for (let i = 0; i < 40; i += 1) {
      const domain = organizationDomain(i);
      orgIds.push({
        id: await insertOrganization(trx, { name: organizationName(i), domains: [domain] }),
        domain,
      });
    }
    const customers = Array.from({ length: 200 }, (_, i) => {
      const org = orgIds[i % orgIds.length]!;
      const generated = `${rnd.pick(firstNames)} ${rnd.pick(lastNames)}`;
      const name = i === 0 ? demoCustomer.name : generated;
      return {
        email: i === 0 ? demoCustomer.email : `${slug(name)}.${i}@${org.domain}`,
        name,
        phone: `+49 30 ${rnd.int(1000000, 9999999)}`,
        organizationId: org.id,
        timezone: rnd.pick(timezones),
        language: rnd.pick(languages),
        // Customers for months or years before their first tickets.
        createdAt: new Date(
          Date.now() - rnd.int(historyDays + 10, historyDays + 910) * 86_400_000,
        ).toISOString(),
      };
    });
    const customerIds = await insertCustomers(trx, customers);
    // Linked to the customer above by address: the portal shows them their own requests.
    await insertUser(trx, {
      email: demoCustomer.email,
      name: demoCustomer.name,
      role: 'customer',
      password: DEMO_PASSWORD,
      ...accountHistory(),
    });

    const now = new Date().toISOString();
    const categoryIds = await seedCategories(trx, now);
    await insertCustomFieldRow(trx, {
      key: 'order_no',
      label: 'Order number',
      type: 'text',
      options: '[]',
      ticket_types: '[]',
      required: 0,
      position: 0,
      created_at: now,
    });
    const cast = {
      customers: customers.map((c, i) => ({
        id: customerIds[i]!,
        name: c.name,
        email: c.email,
        organizationId: c.organizationId,
      })),
      agents: agentIds.map((id, i) => ({ id, teamId: teamIds[Math.floor(i / 4)]! })),
      categoryIds,
      leads: leadOf,
    };
    await seedTickets(trx, rnd, cast, DEMO_TICKETS);
    // Handle time: the minutes agents logged on a third of the answered tickets.
    await seedTimeEntries(trx, seededRandom(2030), nowMs);
    await seedUnansweredSolved(
      trx,
      {
        customers: customers.slice(20, 22).map((c, i) => ({ ...c, id: customerIds[20 + i]! })),
        agent: { id: agentIds[1]!, teamId: teamIds[0]! },
      },
      nowMs,
    );
    // Round robin on the first team, least loaded on the second; a few new requests routed for real.
    await seedRouting(trx, rnd, {
      teamIds,
      agents: agentIds.map((id, i) => ({ id, teamId: teamIds[Math.floor(i / 4)]! })),
      customerIds,
    });
    // A third of the organisations have a contract on the premium plan.
    await seedServiceLevels(
      trx,
      {
        contractOrganizationIds: orgIds.filter((_, i) => i % 3 === 0).map((o) => o.id),
        ownerIds: [morgan!, sam!],
        escalationTeamId: teamIds[2]!,
      },
      Date.now(),
    );
    const solved = await trx
      .selectFrom('tickets')
      .select([
        'id',
        'requester_id as customerId',
        'organization_id as organizationId',
        'assignee_id as agentId',
        'team_id as teamId',
        'category_id as categoryId',
        'channel',
        'solved_at',
      ])
      .where('solved_at', 'is not', null)
      .orderBy('id')
      .execute();
    const delivery = await trx.selectFrom('categories').select('id').where('name', '=', 'Delivery').execute();
    const themeIds = await seedThemes(trx, Date.now());
    await seedFeedback(
      trx,
      seededRandom(2027),
      solved.map(({ solved_at, ...ticket }) => ({ ...ticket, solvedAt: solved_at! })),
      delivery.map((c) => c.id),
      Date.now(),
    );
    await seedFollowUps(trx, seededRandom(2028), themeIds, Date.now());
    await seedMacros(trx, { teamIds: [teamIds[0]!, teamIds[1]!, teamIds[2]!], agentIds }, Date.now());
    // NPS campaigns: a finished spring one and an active quarterly one for six key accounts.
    const npsCustomers = await trx
      .selectFrom('customers')
      .select(['id', 'organization_id as organizationId'])
      .where('email', 'is not', null)
      .orderBy('id')
      .execute();
    const keyAccounts = await trx.selectFrom('organizations').select('id').orderBy('id').limit(6).execute();
    await seedNps(
      trx,
      seededRandom(2028),
      npsCustomers,
      keyAccounts.map((o) => o.id),
      Date.now(),
    );
    // Testimonials promoters agreed to (and a few pending, one declined), and referrals.
    await seedTestimonialsAndReferrals(trx, Date.now());
    // Triggers and automations, with a few firings in the tickets' history.
    await seedAutomation(
      trx,
      {
        frontlineId: teamIds[0]!,
        technicalId: teamIds[1]!,
        keyAccountsId: teamIds[2]!,
        onCallLeadId: leads[2]!,
      },
      now,
    );
    // What the data-quality checks find: duplicates, domains missing, a leaver's open tickets.
    await seedDataQuality(trx, { leaverId: agentIds[AGENTS - 1]! }, nowMs);
    // A weekly pain-point mail, a monthly satisfaction mail and one shared link.
    await seedReportSchedules(trx, { managerIds: [morgan!, sam!], ownerId: morgan! }, nowMs);
    // The longer past before the 90 days: lighter tickets, for the reports' trends.
    older = await seedHistory(trx, seededRandom(2029), cast, history, nowMs);
    return { teamIds, agentId: agentIds[0]! };
  });
  // The board's standing alerts: unassigned tickets past their team's alert time notify the leads.
  await alertUnassignedTickets(db, nowMs);
  // Four weeks of daily data-quality scores, the desk getting a little cleaner each week.
  await insertScoreHistory(db, nowMs, 28, 2.5);
  // The reports' aggregates, folded from the history just written.
  await rebuildAggregates(handle.db, { settleMs: 0 });
  // A burst of double charges in the last hour: a spike alert open on the board and the Trends tab.
  await seedSpike(handle.db, nowMs);
  // Goals for this month and quarter, their targets set from the figures just folded.
  await seedGoals(db, goalCast, nowMs);

  return [
    `Demo department created: a support mailbox, 3 teams, ${AGENTS} agents, 2 managers, 1 admin, 200 customers in 40 organisations, ${DEMO_TICKETS} tickets over the last 90 days and ${arrivals.length} new ones just routed to agents, ${older} older tickets back to ${historyDays} days ago, 15 macros.`,
    '',
    demoSignIns(config),
  ].join('\n');
}
