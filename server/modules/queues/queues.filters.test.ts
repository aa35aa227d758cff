import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Ticket, View, ViewFilters } from '../../../contracts/tickets';
import { type Auth, describeApi, type TestApp } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { filtersAt } from './queues.filters';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function multipart(filename: string, content: string) {
  const boundary = '----steward-filters';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Sets a ticket's times as if it had lived them, behind the application's back (the version moves, as every write's does). */
async function backdate(
  t: TestApp,
  id: number,
  times: { created?: string; updated?: string; solved?: string; due?: string },
) {
  await t.handle.db
    .updateTable('tickets')
    .set((eb) => ({
      ...(times.created ? { created_at: times.created } : {}),
      ...(times.updated ? { updated_at: times.updated } : {}),
      ...(times.solved ? { solved_at: times.solved } : {}),
      ...(times.due ? { due_at: times.due } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

function lists(t: TestApp) {
  const request = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.request(auth, { method, url, payload });
  const send = async (auth: Auth, method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const res = await request(auth, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  /** Uploads a small text file to a ticket; it is sent only with a message. */
  const upload = async (auth: Auth, ticketId: number, name: string): Promise<{ id: number }> => {
    const res = await t.request(auth, {
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/attachments`,
      ...multipart(name, name),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const page = async (auth: Auth, query: string) => {
    const res = await request(auth, 'GET', `/api/v1/tickets?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: Ticket[]; nextCursor: string | null };
  };
  /** The ids "All tickets" shows with these filters, in its order (newest change first). */
  const ids = async (auth: Auth, filters: ViewFilters, extra = '') =>
    (await page(auth, `view=all&filters=${encodeURIComponent(JSON.stringify(filters))}${extra}`)).data
      .map((x) => x.id)
      .sort((a, b) => a - b);
  return { request, send, upload, page, ids };
}

describeApi('ticket lists by every filter', (t) => {
  const { request, send, upload, page, ids } = lists(t);

  /** Five tickets that differ in everything a filter can ask about. */
  async function desk() {
    const admin = await t.signIn('admin');
    const agent = await t.signIn('agent');
    const billing = await send(admin, 'POST', '/api/v1/categories', { name: 'Billing' });
    const shipping = await send(admin, 'POST', '/api/v1/categories', { name: 'Shipping' });
    const acme = await send(admin, 'POST', '/api/v1/organizations', {
      name: 'Acme',
      domains: ['acme.example'],
    });
    await send(admin, 'POST', '/api/v1/custom-fields', { key: 'order_no', label: 'Order', type: 'text' });
    await send(admin, 'POST', '/api/v1/custom-fields', { key: 'vip', label: 'VIP', type: 'checkbox' });
    const a = await openTicket(t, agent, {
      subject: 'A',
      requester: { email: 'pat@acme.example', name: 'Pat' },
      channel: 'email',
      type: 'question',
      priority: 'low',
      categoryId: billing.id,
      customFields: { order_no: 'A-1', vip: true },
    });
    const b = await openTicket(t, agent, {
      subject: 'B',
      requester: { email: 'sam@home.example', name: 'Sam' },
      channel: 'phone',
      type: 'incident',
      priority: 'urgent',
      categoryId: shipping.id,
      customFields: { order_no: 'B-2' },
    });
    const c = await openTicket(t, agent, {
      subject: 'C',
      channel: 'web',
      type: 'task',
      priority: 'high',
      status: 'open',
    });
    const d = await openTicket(t, agent, { subject: 'D', channel: 'walk_in', type: 'complaint' });
    const e = await openTicket(t, agent, { subject: 'E', channel: 'api', status: 'pending' });
    await send(agent, 'PUT', `/api/v1/tickets/${c.id}/escalation`, { reason: 'Angry customer' });
    const file = await upload(agent, d.id, 'a.txt');
    await send(agent, 'POST', `/api/v1/tickets/${d.id}/messages`, {
      body: 'See file',
      attachmentIds: [file.id],
    });
    // A file uploaded but never sent does not count.
    await upload(agent, e.id, 'draft.txt');
    await send(agent, 'PATCH', `/api/v1/tickets/${d.id}`, { status: 'solved' });
    await send(agent, 'PATCH', `/api/v1/tickets/${e.id}`, { status: 'solved' });
    await backdate(t, a.id, { created: ago(30), updated: ago(20), due: ago(-3) });
    await backdate(t, b.id, { created: ago(10), updated: ago(1), due: ago(2) });
    await backdate(t, c.id, { created: ago(5), updated: ago(4) });
    await backdate(t, d.id, { created: ago(3), updated: ago(2), solved: ago(2) });
    await backdate(t, e.id, { created: ago(40), updated: ago(9), solved: ago(10) });
    return { agent, billing, shipping, acme, a: a.id, b: b.id, c: c.id, d: d.id, e: e.id };
  }

  it('filters by category, type, channel, priority, organisation, escalation and files', async () => {
    const { agent, billing, shipping, acme, a, b, c, d, e } = await desk();
    expect(await ids(agent, { categoryId: [billing.id] })).toEqual([a]);
    expect(await ids(agent, { categoryId: [billing.id, shipping.id] })).toEqual([a, b]);
    expect(await ids(agent, { type: ['incident', 'task'] })).toEqual([b, c]);
    expect(await ids(agent, { channel: ['walk_in'] })).toEqual([d]);
    expect(await ids(agent, { channel: ['email', 'api'] })).toEqual([a, e]);
    expect(await ids(agent, { priority: ['urgent', 'high'] })).toEqual([b, c]);
    expect(await ids(agent, { organizationId: acme.id })).toEqual([a]);
    expect(await ids(agent, { escalated: true })).toEqual([c]);
    expect(await ids(agent, { escalated: false })).toEqual([a, b, d, e]);
    expect(await ids(agent, { hasAttachments: true })).toEqual([d]);
    expect(await ids(agent, { hasAttachments: false })).toEqual([a, b, c, e]);
    expect(await ids(agent, { status: ['solved'], hasAttachments: true })).toEqual([d]);
  });

  it('filters by custom field values of every kind', async () => {
    const { agent, a, b } = await desk();
    expect(await ids(agent, { customFields: { order_no: 'A-1' } })).toEqual([a]);
    expect(await ids(agent, { customFields: { order_no: 'B-2' } })).toEqual([b]);
    expect(await ids(agent, { customFields: { vip: true } })).toEqual([a]);
    expect(await ids(agent, { customFields: { order_no: 'A-1', vip: true } })).toEqual([a]);
    expect(await ids(agent, { customFields: { order_no: 'B-2', vip: true } })).toEqual([]);
  });

  it('filters by created, updated, due and solved ranges, as moments or times from now', async () => {
    const { agent, a, b, c, d, e } = await desk();
    expect(await ids(agent, { createdAfter: '-7d' })).toEqual([c, d]);
    expect(await ids(agent, { createdAfter: ago(7) })).toEqual([c, d]);
    expect(await ids(agent, { createdBefore: '-4w' })).toEqual([a, e]);
    expect(await ids(agent, { createdAfter: '-35d', createdBefore: '-7d' })).toEqual([a, b]);
    expect(await ids(agent, { updatedAfter: '-72h' })).toEqual([b, d]);
    expect(await ids(agent, { updatedBefore: '-5d' })).toEqual([a, e]);
    expect(await ids(agent, { updatedAfter: '-10d', updatedBefore: '-3d' })).toEqual([c, e]);
    // Overdue, and due within the next week; tickets without a due date match neither.
    expect(await ids(agent, { dueBefore: 'now' })).toEqual([b]);
    expect(await ids(agent, { dueAfter: 'now', dueBefore: '+1w' })).toEqual([a]);
    expect(await ids(agent, { dueAfter: '-1w' })).toEqual([a, b]);
    expect(await ids(agent, { solvedAfter: '-7d' })).toEqual([d]);
    expect(await ids(agent, { solvedBefore: '-7d' })).toEqual([e]);
    expect(await ids(agent, { solvedAfter: '-30d', solvedBefore: 'now' })).toEqual([d, e]);
    // An offset names the same moment as UTC.
    const plusTwo = new Date(Date.now() - 7 * DAY + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(await ids(agent, { createdAfter: plusTwo })).toEqual([c, d]);
  });

  it('"Recently solved" holds what was solved in the last 7 days', async () => {
    const { agent, d } = await desk();
    const recent = await page(agent, 'view=recently-solved');
    expect(recent.data.map((x) => x.id)).toEqual([d]);
    const views = (await request(agent, 'GET', '/api/v1/views')).json().data as View[];
    expect(views.find((v) => v.id === 'recently-solved')).toMatchObject({
      filters: { status: ['solved', 'closed'], solvedAfter: '-7d' },
      count: 1,
    });
    // The window is the view's default: filters on top of it replace it.
    const month = encodeURIComponent(JSON.stringify({ solvedAfter: '-30d' }));
    expect((await page(agent, `view=recently-solved&filters=${month}`)).data).toHaveLength(2);
  });

  it('"Breaching soon" lists open tickets whose next target runs out within 2 hours, soonest first', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const around = (minutes: number) => ({ resolution: { minutes, businessHours: false } });
    await send(manager, 'POST', '/api/v1/sla-policies', {
      name: 'Standard',
      targets: { urgent: around(30), high: around(90), normal: around(240) },
    });
    const later = await openTicket(t, agent, { subject: 'In 90 min', priority: 'high' });
    const sooner = await openTicket(t, agent, { subject: 'In 30 min', priority: 'urgent' });
    await openTicket(t, agent, { subject: 'In 4 h', priority: 'normal' });
    await openTicket(t, agent, { subject: 'Low: no target', priority: 'low' });
    // A paused clock runs out never, and a solved ticket has no clock running.
    await openTicket(t, agent, { subject: 'Paused', priority: 'urgent', status: 'pending' });
    await openTicket(t, agent, { subject: 'Solved', priority: 'urgent', status: 'solved' });

    const soon = await page(agent, 'view=breaching-soon');
    expect(soon.data.map((x) => x.subject)).toEqual(['In 30 min', 'In 90 min']);
    expect(soon.data.map((x) => x.id)).toEqual([sooner.id, later.id]);
    expect(soon.data[0]?.sla).toMatchObject({ metric: 'resolution' });
    const views = (await request(agent, 'GET', '/api/v1/views')).json().data as View[];
    expect(views.find((v) => v.id === 'breaching-soon')).toMatchObject({
      name: 'Breaching soon',
      builtIn: true,
      filters: { slaDueBefore: '+2h' },
      sort: { by: 'sla_due_at', dir: 'asc' },
      columns: expect.arrayContaining(['sla']),
      count: 2,
    });
  });

  it('sorts by the next breach with tickets without a clock last, and pages past them both ways', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const around = (minutes: number) => ({ resolution: { minutes, businessHours: false } });
    await send(manager, 'POST', '/api/v1/sla-policies', {
      name: 'Standard',
      targets: { urgent: around(30), high: around(90), normal: around(240) },
    });
    const none1 = await openTicket(t, agent, { subject: 'No clock 1', priority: 'low' });
    const normal = await openTicket(t, agent, { subject: 'Normal', priority: 'normal' });
    const none2 = await openTicket(t, agent, { subject: 'No clock 2', priority: 'low' });
    const urgent = await openTicket(t, agent, { subject: 'Urgent', priority: 'urgent' });
    const high = await openTicket(t, agent, { subject: 'High', priority: 'high' });
    const all = async (dir: 'asc' | 'desc') => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const query = `view=all&sort=sla_due_at&dir=${dir}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const next = await page(agent, query);
        seen.push(...next.data.map((x) => x.id));
        cursor = next.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await all('asc')).toEqual([urgent.id, high.id, normal.id, none1.id, none2.id]);
    expect(await all('desc')).toEqual([none2.id, none1.id, normal.id, high.id, urgent.id]);
  });

  it('sorts by every sort key both ways, and pages through a sort by status', async () => {
    const { agent, a, b, c, d, e } = await desk();
    const order = async (sort: string, dir: string) =>
      (await page(agent, `view=all&sort=${sort}&dir=${dir}`)).data.map((x) => x.id);
    expect(await order('id', 'asc')).toEqual([a, b, c, d, e]);
    expect(await order('id', 'desc')).toEqual([e, d, c, b, a]);
    // new (a, b), open (c), solved (d, e); ties by number in the same direction.
    expect(await order('status', 'asc')).toEqual([a, b, c, d, e]);
    expect(await order('status', 'desc')).toEqual([e, d, c, b, a]);
    // urgent b, high c, normal d and e, low a.
    expect(await order('priority', 'desc')).toEqual([b, c, e, d, a]);
    expect(await order('priority', 'asc')).toEqual([a, d, e, c, b]);
    expect(await order('created_at', 'desc')).toEqual([d, c, b, a, e]);
    expect(await order('created_at', 'asc')).toEqual([e, a, b, c, d]);
    expect(await order('updated_at', 'desc')).toEqual([b, d, c, e, a]);
    expect(await order('updated_at', 'asc')).toEqual([a, e, c, d, b]);
    // Soonest due first; tickets without a due date last (first when reversed).
    expect(await order('due_at', 'asc')).toEqual([b, a, c, d, e]);
    expect(await order('due_at', 'desc')).toEqual([e, d, c, a, b]);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const next: { data: Ticket[]; nextCursor: string | null } = await page(
        agent,
        `view=all&sort=status&dir=asc&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...next.data.map((x) => x.id));
      cursor = next.nextCursor;
    } while (cursor);
    expect(seen).toEqual([a, b, c, d, e]);
  });

  it('saves a view with its filters, columns and sort, and lists by them', async () => {
    const { agent, b, c } = await desk();
    const created = await request(agent, 'POST', '/api/v1/views', {
      name: 'Hot work',
      filters: { priority: ['urgent', 'high'], createdAfter: '-14d', hasAttachments: false },
      sort: { by: 'status', dir: 'desc' },
      columns: ['id', 'subject', 'status', 'priority', 'channel', 'category', 'due_at'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json() as View;
    expect(view).toMatchObject({
      filters: { priority: ['urgent', 'high'], createdAfter: '-14d', hasAttachments: false },
      sort: { by: 'status', dir: 'desc' },
      columns: ['id', 'subject', 'status', 'priority', 'channel', 'category', 'due_at'],
      count: 2,
    });
    expect((await page(agent, `view=${view.id}`)).data.map((x) => x.id)).toEqual([c, b]);
    // The list's own sort replaces the view's for that request.
    expect((await page(agent, `view=${view.id}&sort=id&dir=asc`)).data.map((x) => x.id)).toEqual([b, c]);

    const changed = await send(agent, 'PATCH', `/api/v1/views/${view.id}`, {
      sort: { by: 'due_at', dir: 'asc' },
      columns: ['subject', 'due_at'],
    });
    expect(changed).toMatchObject({ sort: { by: 'due_at', dir: 'asc' }, columns: ['subject', 'due_at'] });
    const listed = ((await request(agent, 'GET', '/api/v1/views')).json().data as View[]).find(
      (v) => v.id === view.id,
    );
    expect(listed).toMatchObject({ sort: { by: 'due_at', dir: 'asc' }, columns: ['subject', 'due_at'] });
    expect((await page(agent, `view=${view.id}`)).data.map((x) => x.id)).toEqual([b, c]);
  });

  it('shows new matches of every kind of filter on the next page, however the ticket changed', async () => {
    const { agent, billing, a, b, c } = await desk();
    const files = { hasAttachments: true };
    const category = { categoryId: [billing.id] };
    const urgentLastDay = { priority: ['urgent' as const], updatedAfter: '-2d' };
    const escalated = { escalated: true, type: ['task' as const] };
    expect(await ids(agent, files)).not.toContain(b);
    expect(await ids(agent, category)).toEqual([a]);
    expect(await ids(agent, urgentLastDay)).toEqual([b]);
    expect(await ids(agent, escalated)).toEqual([c]);

    const file = await upload(agent, b, 'b.txt');
    expect(await ids(agent, files)).not.toContain(b);
    await send(agent, 'POST', `/api/v1/tickets/${b}/messages`, { body: 'Label', attachmentIds: [file.id] });
    expect(await ids(agent, files)).toContain(b);

    const current = (await request(agent, 'GET', `/api/v1/tickets/${b}`)).json() as Ticket;
    await send(agent, 'PATCH', `/api/v1/tickets/${b}`, { categoryId: billing.id, version: current.version });
    expect(await ids(agent, category)).toEqual([a, b]);

    await backdate(t, b, { updated: ago(3) });
    expect(await ids(agent, urgentLastDay)).toEqual([]);

    const calm = await t.request(agent, { method: 'DELETE', url: `/api/v1/tickets/${c}/escalation` });
    expect(calm.statusCode, calm.body).toBe(200);
    expect(await ids(agent, escalated)).toEqual([]);
  });

  it('refuses bad filters, sorts and views with 400 and a message naming the field, and saves nothing', async () => {
    const { agent } = await desk();
    const yesterday = ago(1);
    const bad: [unknown, RegExp][] = [
      [{ createdAfter: 'yesterday' }, /createdAfter: .*-7d/],
      [{ createdAfter: '-7x' }, /createdAfter/],
      [{ dueBefore: '2026-13-40' }, /dueBefore/],
      [{ updatedAfter: '+99999d' }, /updatedAfter/],
      [{ createdAfter: '-1d', createdBefore: '-7d' }, /createdBefore must be later than createdAfter/],
      [{ solvedAfter: yesterday, solvedBefore: yesterday }, /solvedBefore must be later than solvedAfter/],
      [{ hasAttachments: 'yes' }, /hasAttachments/],
      [{ escalated: 1 }, /escalated/],
      [{ categoryId: [0] }, /categoryId/],
      [{ categoryId: 3 }, /categoryId/],
      [{ channel: ['fax'] }, /channel/],
      [{ type: ['rant'] }, /type/],
      [{ organizationId: 'acme' }, /organizationId/],
      [{ customFields: { order_no: { $gt: '' } } }, /customFields/],
      [{ colour: ['red'] }, /colour|Unrecognized/i],
    ];
    for (const [filters, message] of bad) {
      const list = await request(
        agent,
        'GET',
        `/api/v1/tickets?filters=${encodeURIComponent(JSON.stringify(filters))}`,
      );
      expect(list.statusCode, `${JSON.stringify(filters)}: ${list.body}`).toBe(400);
      expect(list.json().error.code).toBe('VALIDATION_FAILED');
      expect(list.json().error.message).toMatch(message);
      const view = await request(agent, 'POST', '/api/v1/views', { name: 'Bad', filters });
      expect(view.statusCode, `${JSON.stringify(filters)}: ${view.body}`).toBe(400);
    }
    for (const query of ['sort=subject', 'sort=status&dir=up', 'sort=', 'filters=%7B']) {
      const list = await request(agent, 'GET', `/api/v1/tickets?${query}`);
      expect(list.statusCode, `${query}: ${list.body}`).toBe(400);
      expect(list.json().error.code).toBe('VALIDATION_FAILED');
    }
    const badSort = await request(agent, 'POST', '/api/v1/views', {
      name: 'Bad sort',
      sort: { by: 'subject', dir: 'asc' },
    });
    expect(badSort.statusCode).toBe(400);
    const saved = await send(agent, 'POST', '/api/v1/views', { name: 'Good' });
    const patch = await request(agent, 'PATCH', `/api/v1/views/${saved.id}`, {
      filters: { dueAfter: 'soon' },
    });
    expect(patch.statusCode).toBe(400);
    const views = (await request(agent, 'GET', '/api/v1/views')).json().data as View[];
    expect(views.filter((v) => !v.builtIn).map((v) => [v.name, v.filters])).toEqual([['Good', {}]]);
  });
});

describeApi(
  'ticket lists by filters no index answers, past their time limit',
  (t) => {
    const { request, send, page } = lists(t);

    /** 16,384 tickets with the same order number: a filter on another one looks at every ticket. */
    async function manyTickets() {
      const admin = await t.signIn('admin');
      await send(admin, 'POST', '/api/v1/custom-fields', { key: 'order_no', label: 'Order', type: 'text' });
      await openTicket(t, admin, { customFields: { order_no: 'A-1' } });
      const columns = sql.raw(
        'subject, requester_id, organization_id, channel, type, priority, status, is_open, team_id, custom_fields, tags, version, message_count, created_at, updated_at',
      );
      for (let i = 0; i < 14; i += 1)
        await sql`insert into tickets (${columns}) select ${columns} from tickets`.execute(t.handle.db);
      return admin;
    }

    it('answers 422 FILTER_TOO_BROAD with what to do, and shows the count of such a view as unknown', async () => {
      const admin = await manyTickets();
      const filters = encodeURIComponent(JSON.stringify({ customFields: { order_no: 'Z-9' } }));
      const list = await request(admin, 'GET', `/api/v1/tickets?view=all&filters=${filters}`);
      expect(list.statusCode, list.body).toBe(422);
      expect(list.json().error).toMatchObject({
        code: 'FILTER_TOO_BROAD',
        message: expect.stringMatching(/Narrow them/),
      });

      const saved = await request(admin, 'POST', '/api/v1/views', {
        name: 'Order Z-9',
        filters: { customFields: { order_no: 'Z-9' } },
      });
      expect(saved.statusCode, saved.body).toBe(201);
      expect(saved.json()).toMatchObject({ count: null, countCapped: false });
      const views = (await request(admin, 'GET', '/api/v1/views')).json().data as View[];
      expect(views.find((v) => v.name === 'Order Z-9')).toMatchObject({ count: null });
      // The built-in views read from indexes: no time limit, and their counts are known.
      expect(views.find((v) => v.id === 'unassigned')).toMatchObject({ count: 1000, countCapped: true });
      expect((await page(admin, 'view=unassigned')).data).toHaveLength(50);
      expect((await page(admin, 'view=recently-solved')).data).toHaveLength(0);
    });
  },
  { FILTER_TIME_LIMIT_MS: '1' },
);

describe('filtersAt', () => {
  it('reads times from now at the start of the minute, and leaves moments and other filters alone', () => {
    const now = Date.parse('2026-03-10T12:34:56.789Z');
    const filters: ViewFilters = {
      status: ['solved'],
      solvedAfter: '-7d',
      dueBefore: 'now',
      dueAfter: '+2h',
      createdAfter: '2026-01-01T00:00:00+01:00',
    };
    expect(filtersAt(filters, now)).toEqual({
      status: ['solved'],
      solvedAfter: '2026-03-03T12:34:00.000Z',
      dueBefore: '2026-03-10T12:34:00.000Z',
      dueAfter: '2026-03-10T14:34:00.000Z',
      createdAfter: '2026-01-01T00:00:00+01:00',
    });
    // The same all minute long, so the answers found by them can be kept.
    expect(filtersAt(filters, now + 3_000)).toEqual(filtersAt(filters, now));
    expect(filtersAt(filters, now + 60_000)).not.toEqual(filtersAt(filters, now));
    expect(filters.solvedAfter).toBe('-7d');
  });
});
