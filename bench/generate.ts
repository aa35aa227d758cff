// Bulk data for the benchmarks: customers, tickets, messages, events and search documents,
// written with raw prepared statements (SQLite) or unnest() batches (PostgreSQL).
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Db } from '../server/db/database';
import { WORD_SEPARATORS } from '../server/db/dialect/postgres';
import { insertCustomFieldRow } from '../server/modules/ticket-fields';
import { renderMarkdown } from '../server/platform/markdown';
import { textSource } from './vocabulary';

export interface Scale {
  tickets: number;
  messagesPerTicket: number;
  customers: number;
  agentIds: number[];
  teamIds: number[];
}

/** Like a real desk: the newest tickets are still being worked or recently solved; older ones are closed. */
function statusFor(i: number, total: number): string {
  const fromEnd = total - i;
  if (fromEnd < total * 0.01) return (['new', 'open', 'open', 'pending', 'on_hold'] as const)[i % 5]!;
  if (fromEnd < total * 0.03) return i % 3 === 0 ? 'open' : 'solved';
  return 'closed';
}
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
const TAGS = [
  'billing',
  'refund',
  'vip',
  'bug',
  'delivery',
  'login',
  'invoice',
  'feature',
  'mobile',
  'api',
  'cancel',
  'warranty',
];
/** The options of the `product` dropdown field the bench creates (`BENCH_PRODUCT_FIELD`). */
export const PRODUCTS = ['Kettle', 'Toaster', 'Blender', 'Mixer', 'Oven', 'Grill', 'Fridge', 'Freezer'];
export const BENCH_PRODUCT_FIELD = 'product';

/** The dropdown field that names each generated ticket's product (trend charts split by it). */
export async function insertProductField(db: Db): Promise<void> {
  await insertCustomFieldRow(db, {
    key: BENCH_PRODUCT_FIELD,
    label: 'Product',
    type: 'dropdown',
    options: JSON.stringify(PRODUCTS),
    ticket_types: '[]',
    required: 0,
    position: 0,
    created_at: new Date().toISOString(),
  });
}

/** Two tickets in three carry a tag, some two; five in six name a product. */
function tagsFor(i: number): string[] {
  if (i % 3 === 0) return [];
  const first = TAGS[i % TAGS.length]!;
  const second = TAGS[(i * 7 + 3) % TAGS.length]!;
  return i % 5 === 0 && second !== first ? [first, second].sort() : [first];
}
const fieldsFor = (i: number) =>
  JSON.stringify(i % 6 === 0 ? {} : { [BENCH_PRODUCT_FIELD]: PRODUCTS[(i * 3) % PRODUCTS.length] });
const BATCH = 5000;
const OPEN = new Set(['new', 'open', 'pending', 'on_hold']);

interface Row {
  id: number;
  subject: string;
  requester: number;
  status: string;
  priority: string;
  assignee: number | null;
  team: number;
  created: string;
  firstReply: string | null;
  solved: string | null;
  updated: string;
  bodies: string[];
  customer: string;
  tags: string[];
  fields: string;
}

/** Two years of history: the reports read 90 days of it, and the year before for comparison. */
export const SPAN_DAYS = 730;

function* rows(scale: Scale, firstCustomerId: number): Generator<Row> {
  const text = textSource(7);
  const start = Date.now() - SPAN_DAYS * 86_400_000;
  const step = (SPAN_DAYS * 86_400_000) / scale.tickets;
  for (let i = 1; i <= scale.tickets; i += 1) {
    const createdMs = start + i * step;
    const created = new Date(createdMs).toISOString();
    const status = statusFor(i, scale.tickets);
    const assignee = status === 'new' ? null : scale.agentIds[i % scale.agentIds.length]!;
    // Answered within minutes to hours, solved within a day or two: the speed reports have a spread.
    const firstReply = assignee === null ? null : createdMs + (10 + ((i * 37) % 600)) * 60_000;
    const solved =
      status === 'solved' || status === 'closed'
        ? (firstReply ?? createdMs) + (30 + ((i * 53) % 2400)) * 60_000
        : null;
    const customerIndex = i % scale.customers;
    const bodies = [text.opener(i), text.reply(i), text.followUp()].slice(0, scale.messagesPerTicket);
    yield {
      id: i,
      subject: text.subject(i),
      requester: firstCustomerId + customerIndex,
      status,
      priority: PRIORITIES[i % PRIORITIES.length]!,
      assignee,
      team: scale.teamIds[i % scale.teamIds.length]!,
      created,
      firstReply: firstReply === null ? null : new Date(firstReply).toISOString(),
      solved: solved === null ? null : new Date(solved).toISOString(),
      updated: new Date(solved ?? firstReply ?? createdMs + 3_600_000).toISOString(),
      bodies,
      customer: `customer${customerIndex} bench${customerIndex}@customers.example`,
      tags: tagsFor(i),
      fields: fieldsFor(i),
    };
  }
}

interface EventRow {
  type: string;
  actorType: 'system' | 'user';
  actorId: number | null;
  from: string | null;
  to: string;
  at: string;
}

/** A ticket's history as the reports fold it: opened, first answered, solved. */
function eventsOf(r: Row): EventRow[] {
  const out: EventRow[] = [
    { type: 'created', actorType: 'system', actorId: null, from: null, to: 'new', at: r.created },
  ];
  if (r.firstReply)
    out.push({
      type: 'first_reply',
      actorType: 'user',
      actorId: r.assignee,
      from: null,
      to: String(Math.round((Date.parse(r.firstReply) - Date.parse(r.created)) / 1000)),
      at: r.firstReply,
    });
  if (r.solved)
    out.push({
      type: 'status_changed',
      actorType: 'user',
      actorId: r.assignee,
      from: 'new',
      to: 'solved',
      at: r.solved,
    });
  return out;
}

/** Renders once per distinct body: the generator repeats its sentences. */
const htmlCache = new Map<string, string>();
const html = (body: string) => {
  let out = htmlCache.get(body);
  if (!out) {
    out = renderMarkdown(body);
    if (htmlCache.size < 50_000) htmlCache.set(body, out);
  }
  return out;
};

export function generateSqlite(file: string, scale: Scale, log: (line: string) => void): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const now = new Date().toISOString();
  const insertCustomer = db.prepare(
    'insert into customers (name, email, tags, created_at, updated_at) values (?, ?, ?, ?, ?)',
  );
  const insertEmail = db.prepare('insert into customer_emails (email, customer_id) values (?, ?)');
  const indexCustomer = db.prepare(
    "insert into customer_search (rowid, name, emails, phone) values (?, ?, ?, '')",
  );
  const customers = db.transaction(() => {
    let first = 0;
    for (let i = 0; i < scale.customers; i += 1) {
      const email = `bench${i}@customers.example`;
      const info = insertCustomer.run(`customer${i}`, email, '[]', now, now);
      insertEmail.run(email, info.lastInsertRowid);
      indexCustomer.run(info.lastInsertRowid, `customer${i}`, email);
      if (i === 0) first = Number(info.lastInsertRowid);
    }
    return first;
  });
  const firstCustomerId = customers();
  log(`  ${scale.customers} customers`);
  const insertTicket =
    db.prepare(`insert into tickets (id, subject, requester_id, channel, type, priority, status, is_open, assignee_id, team_id,
    custom_fields, tags, version, first_reply_at, solved_at, last_message_at, message_count, created_at, updated_at)
    values (?, ?, ?, 'email', 'question', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`);
  const insertTag = db.prepare('insert into ticket_tags (ticket_id, tag) values (?, ?)');
  const insertMessage =
    db.prepare(`insert into messages (ticket_id, kind, author_user_id, author_customer_id, channel, body, body_html, meta, created_at)
    values (?, ?, ?, ?, 'email', ?, ?, '{}', ?)`);
  const insertEvent = db.prepare(
    'insert into ticket_events (ticket_id, type, actor_type, actor_id, from_value, to_value, created_at, historic) values (?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const insertSearch = db.prepare(
    'insert into ticket_search (rowid, subject, body, customer) values (?, ?, ?, ?)',
  );
  let batch: Row[] = [];
  const flush = db.transaction((items: Row[]) => {
    for (const r of items) {
      insertTicket.run(
        r.id,
        r.subject,
        r.requester,
        r.priority,
        r.status,
        OPEN.has(r.status) ? 1 : 0,
        r.assignee,
        r.team,
        r.fields,
        JSON.stringify(r.tags),
        r.firstReply,
        r.solved,
        r.updated,
        r.bodies.length,
        r.created,
        r.updated,
      );
      for (const tag of r.tags) insertTag.run(r.id, tag);
      r.bodies.forEach((body, k) => {
        const fromAgent = k % 2 === 1 && r.assignee !== null;
        insertMessage.run(
          r.id,
          fromAgent ? 'reply' : 'customer',
          fromAgent ? r.assignee : null,
          fromAgent ? null : r.requester,
          body,
          html(body),
          r.created,
        );
      });
      for (const e of eventsOf(r)) insertEvent.run(r.id, e.type, e.actorType, e.actorId, e.from, e.to, e.at);
      insertSearch.run(r.id, r.subject, r.bodies.join('\n'), r.customer);
    }
  });
  for (const row of rows(scale, firstCustomerId)) {
    batch.push(row);
    if (batch.length === BATCH) {
      flush(batch);
      batch = [];
      if (row.id % 100_000 === 0) log(`  ${row.id} tickets`);
    }
  }
  if (batch.length) flush(batch);
  db.exec("insert into ticket_search(ticket_search) values('optimize')");
  db.exec('analyze');
  db.close();
}

export async function generatePostgres(
  url: string,
  scale: Scale,
  log: (line: string) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const now = new Date().toISOString();
  const names = Array.from({ length: scale.customers }, (_, i) => `customer${i}`);
  const emails = Array.from({ length: scale.customers }, (_, i) => `bench${i}@customers.example`);
  const ids = (
    await client.query<{ id: number }>(
      `insert into customers (name, email, tags, created_at, updated_at)
       select n, e, '[]', $3, $3 from unnest($1::text[], $2::text[]) as t(n, e) order by n returning id`,
      [names, emails, now],
    )
  ).rows.map((r) => r.id);
  await client.query(
    'insert into customer_emails (email, customer_id) select email, id from customers where email is not null',
  );
  const firstCustomerId = Math.min(...ids);
  log(`  ${scale.customers} customers`);
  await client.query('drop index if exists ticket_search_document_idx');
  let batch: Row[] = [];
  const flush = async (items: Row[]) => {
    const col = <T>(f: (r: Row) => T) => items.map(f);
    await client.query('begin');
    await client.query(
      `insert into tickets (id, subject, requester_id, channel, type, priority, status, assignee_id, team_id, custom_fields, tags, version,
         first_reply_at, solved_at, last_message_at, message_count, created_at, updated_at, is_open)
       select id, s, r, 'email', 'question', p, st, a, tm, cf, tg, 1, fr, sv, u, mc, c, u,
         case when st in ('new', 'open', 'pending', 'on_hold') then 1 else 0 end
       from unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::int[], $13::text[], $14::text[])
         as t(id, s, r, p, st, a, tm, fr, sv, u, c, mc, cf, tg)`,
      [
        col((r) => r.id),
        col((r) => r.subject),
        col((r) => r.requester),
        col((r) => r.priority),
        col((r) => r.status),
        col((r) => r.assignee),
        col((r) => r.team),
        col((r) => r.firstReply),
        col((r) => r.solved),
        col((r) => r.updated),
        col((r) => r.created),
        col((r) => r.bodies.length),
        col((r) => r.fields),
        col((r) => JSON.stringify(r.tags)),
      ],
    );
    const tagged = items.flatMap((r) => r.tags.map((tag) => ({ id: r.id, tag })));
    await client.query(
      'insert into ticket_tags (ticket_id, tag) select * from unnest($1::int[], $2::text[])',
      [tagged.map((x) => x.id), tagged.map((x) => x.tag)],
    );
    const m = items.flatMap((r) =>
      r.bodies.map((body, k) => {
        const fromAgent = k % 2 === 1 && r.assignee !== null;
        return {
          t: r.id,
          kind: fromAgent ? 'reply' : 'customer',
          u: fromAgent ? r.assignee : null,
          c: fromAgent ? null : r.requester,
          body,
          html: html(body),
          at: r.created,
        };
      }),
    );
    await client.query(
      `insert into messages (ticket_id, kind, author_user_id, author_customer_id, channel, body, body_html, meta, created_at)
       select t, k, u, c, 'email', b, h, '{}', a from unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::timestamptz[]) as x(t, k, u, c, b, h, a)`,
      [
        m.map((x) => x.t),
        m.map((x) => x.kind),
        m.map((x) => x.u),
        m.map((x) => x.c),
        m.map((x) => x.body),
        m.map((x) => x.html),
        m.map((x) => x.at),
      ],
    );
    const e = items.flatMap((r) => eventsOf(r).map((x) => ({ ...x, id: r.id })));
    await client.query(
      `insert into ticket_events (ticket_id, type, actor_type, actor_id, from_value, to_value, created_at, historic)
       select id, ty, a, u, f, t, c, 1
       from unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::timestamptz[]) as x(id, ty, a, u, f, t, c)
       order by c`,
      [
        e.map((x) => x.id),
        e.map((x) => x.type),
        e.map((x) => x.actorType),
        e.map((x) => x.actorId),
        e.map((x) => x.from),
        e.map((x) => x.to),
        e.map((x) => x.at),
      ],
    );
    await client.query(
      `insert into ticket_search (rowid, subject, body, customer, document)
       select id, s, b, c, setweight(to_tsvector('simple', regexp_replace(s, $5, ' ', 'g')), 'A') || setweight(to_tsvector('simple', regexp_replace(b, $5, ' ', 'g')), 'B') || setweight(to_tsvector('simple', regexp_replace(c, $5, ' ', 'g')), 'C')
       from unnest($1::int[], $2::text[], $3::text[], $4::text[]) as t(id, s, b, c)`,
      [
        col((r) => r.id),
        col((r) => r.subject),
        col((r) => r.bodies.join('\n')),
        col((r) => r.customer),
        WORD_SEPARATORS,
      ],
    );
    await client.query('commit');
  };
  for (const row of rows(scale, firstCustomerId)) {
    batch.push(row);
    if (batch.length === BATCH) {
      await flush(batch);
      batch = [];
      if (row.id % 100_000 === 0) log(`  ${row.id} tickets`);
    }
  }
  if (batch.length) await flush(batch);
  await client.query("select setval(pg_get_serial_sequence('tickets', 'id'), (select max(id) from tickets))");
  log('  building the search index');
  await client.query("set maintenance_work_mem = '512MB'");
  await client.query('create index ticket_search_document_idx on ticket_search using gin (document)');
  await client.query('analyze');
  await client.end();
}
