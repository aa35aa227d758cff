// The pain-point report: what people contact us about (tickets opened by category, from the
// hourly aggregates, and by tag, an indexed read of the period's tickets) and what they are
// unhappy with (negative survey answers by category and by theme), each with the newest
// negative comments as examples.
import {
  type ContactDriver,
  type DissatisfactionDriver,
  metricDefinitions,
  type Report,
  type ReportFilters,
  type ReportTable,
} from '../../../contracts/reports';
import type { DbOrTrx } from '../../db/database';
import { type DriverFilter, dissatisfactionDrivers, negativeComments } from '../feedback';
import { painPointsRepository as repo } from './pain-points.repository';
import type { ReportScope, TicketFilter } from './reports.repository';

/** How many drivers of each kind the report lists. */
export const DRIVERS = 10;
/** Example comments per driver, and the most of one comment's text shown. */
const EXAMPLES = 3;
const EXAMPLE_CHARS = 280;

/** What the report is computed over (the compute's frame, by shape). */
export interface PainFrame {
  scope: ReportScope;
  prevScope: ReportScope;
  period: { start: number; end: number };
  previous: { start: number; end: number };
  filters: ReportFilters;
  viewer: { teamIds: number[] | null };
  ticketFilter: TicketFilter;
}

const pct = (a: number, b: number) => (b === 0 ? null : (100 * a) / b);
const iso = (ms: number) => new Date(ms).toISOString();
const clip = (text: string) => (text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS - 1)}…` : text);

function answerFilterOf(f: PainFrame, p: { start: number; end: number }): DriverFilter {
  const { filters, viewer } = f;
  return {
    agentId: filters.agentId,
    teamId: filters.teamId,
    categoryId: filters.categoryId,
    organizationId: filters.organizationId,
    channel: filters.channel,
    teamIds: viewer.teamIds ?? undefined,
    from: iso(p.start),
    until: iso(p.end),
  };
}

async function contactDrivers(db: DbOrTrx, f: PainFrame, answers: DriverFilter) {
  const [now, before] = await Promise.all([
    repo.createdByCategory(db, f.scope),
    repo.createdByCategory(db, f.prevScope),
  ]);
  const total = [...now.values()].reduce((a, n) => a + n, 0);
  const previousTotal = [...before.values()].reduce((a, n) => a + n, 0);
  const categories = [...now.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, DRIVERS);
  const names = await repo.categoryNames(
    db,
    categories.map(([id]) => id).filter((id) => id > 0),
  );
  const tags = await repo.createdByTag(db, iso(f.period.start), iso(f.period.end), f.ticketFilter, DRIVERS);
  const tagsBefore = new Map(
    (
      await repo.createdByTag(
        db,
        iso(f.previous.start),
        iso(f.previous.end),
        f.ticketFilter,
        DRIVERS,
        tags.map((t) => t.tag),
      )
    ).map((t) => [t.tag, t.tickets]),
  );
  const examples = async (of: Parameters<typeof negativeComments>[2]) =>
    (await negativeComments(db, answers, of, EXAMPLES)).map(clip);
  const drivers: ContactDriver[] = [
    ...(await Promise.all(
      categories.map(async ([id, tickets]) => ({
        kind: 'category' as const,
        name: id === 0 ? 'No category' : (names.get(id) ?? `Category ${id}`),
        tickets,
        share: pct(tickets, total),
        previous: before.get(id) ?? 0,
        examples: await examples({ categoryId: id }),
      })),
    )),
    ...(await Promise.all(
      tags.map(async (t) => ({
        kind: 'tag' as const,
        name: t.tag,
        tickets: t.tickets,
        share: pct(t.tickets, total),
        previous: tagsBefore.get(t.tag) ?? 0,
        examples: await examples({ tag: t.tag }),
      })),
    )),
  ];
  return { total, previousTotal, drivers };
}

async function unhappyDrivers(db: DbOrTrx, f: PainFrame, answers: DriverFilter) {
  const [now, before] = await Promise.all([
    dissatisfactionDrivers(db, answers, DRIVERS),
    dissatisfactionDrivers(db, answerFilterOf(f, f.previous), 0),
  ]);
  const drivers: DissatisfactionDriver[] = await Promise.all(
    now.drivers.map(async (d) => ({
      kind: d.kind,
      name: d.name,
      answers: d.answers,
      negative: d.negative,
      negativeRate: pct(d.negative, d.answers),
      examples: (
        await negativeComments(
          db,
          answers,
          d.kind === 'category' ? { categoryId: d.id } : { themeId: d.id },
          EXAMPLES,
        )
      ).map(clip),
    })),
  );
  return { totals: now.totals, previous: before.totals, drivers };
}

const columns: ReportTable['columns'] = [
  { key: 'list', label: 'Driver of', unit: null },
  { key: 'kind', label: 'Kind', unit: null },
  { key: 'name', label: 'Name', unit: null },
  { key: 'tickets', label: 'Tickets', unit: 'count' },
  { key: 'share', label: 'Share of tickets', unit: 'percent' },
  { key: 'previous', label: 'Tickets, previous period', unit: 'count' },
  { key: 'answers', label: 'Answers', unit: 'count' },
  { key: 'negative', label: 'Negative answers', unit: 'count' },
  { key: 'negativeRate', label: 'Negative rate', unit: 'percent' },
  { key: 'examples', label: 'Example comments', unit: null },
];

/** The drivers as one table (what the CSV and the Excel export carry). */
function tableOf(contacts: ContactDriver[], unhappy: DissatisfactionDriver[]): ReportTable {
  const examples = (list: string[]) => list.join(' | ');
  return {
    columns,
    rows: [
      ...contacts.map((d) => ({
        list: 'Contacts',
        kind: d.kind,
        name: d.name,
        tickets: d.tickets,
        share: d.share,
        previous: d.previous,
        answers: null,
        negative: null,
        negativeRate: null,
        examples: examples(d.examples),
      })),
      ...unhappy.map((d) => ({
        list: 'Dissatisfaction',
        kind: d.kind,
        name: d.name,
        tickets: null,
        share: null,
        previous: null,
        answers: d.answers,
        negative: d.negative,
        negativeRate: d.negativeRate,
        examples: examples(d.examples),
      })),
    ],
  };
}

export async function painPoints(
  db: DbOrTrx,
  f: PainFrame,
): Promise<Pick<Report, 'figures' | 'series' | 'table' | 'painPoints'>> {
  const answers = answerFilterOf(f, f.period);
  const contacts = await contactDrivers(db, f, answers);
  const unhappy = await unhappyDrivers(db, f, answers);
  return {
    figures: [
      {
        key: 'contacts',
        label: 'Tickets opened',
        unit: 'count',
        value: contacts.total,
        previous: contacts.previousTotal,
        definition: metricDefinitions.contact_drivers,
        drill: 'created',
      },
      {
        key: 'negative_answers',
        label: 'Negative answers',
        unit: 'count',
        value: unhappy.totals.negative,
        previous: unhappy.previous.negative,
        definition: metricDefinitions.negative_answers,
        drill: 'answers',
      },
      {
        key: 'negative_rate',
        label: 'Negative rate',
        unit: 'percent',
        value: pct(unhappy.totals.negative, unhappy.totals.answers),
        previous: pct(unhappy.previous.negative, unhappy.previous.answers),
        definition: metricDefinitions.negative_rate,
        drill: 'answers',
      },
    ],
    series: null,
    table: tableOf(contacts.drivers, unhappy.drivers),
    painPoints: { contacts: contacts.drivers, dissatisfaction: unhappy.drivers },
  };
}
