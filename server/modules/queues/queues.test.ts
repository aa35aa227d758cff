import path from 'node:path';
import { sql } from 'kysely';
import { expect, inject, it } from 'vitest';
import type { Ticket, View } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { createDatabase } from '../../db/database';

// Queue pages keep rendered rows and, on SQLite, the pages' keys (queues.cache.ts); whatever
// changes a row or which tickets a page holds, by any path, must show on the next page.
describeApi('ticket pages stay fresh', (t) => {
  const page = async (auth: Auth, query = 'view=all') =>
    (await t.request(auth, { method: 'GET', url: `/api/v1/tickets?${query}` })).json() as {
      data: (Ticket & { snippet?: string })[];
      nextCursor: string | null;
    };
  const send = async (auth: Auth, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await t.request(auth, { method, url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return (res.body ? res.json() : {}) as { id: number; version: number };
  };
  const only = async (auth: Auth) => (await page(auth)).data[0]!;
  /** What another process or node has: its own connection to the same database. */
  const otherConnection = () =>
    t.dialect === 'sqlite'
      ? createDatabase({ dialect: 'sqlite', filename: path.join(t.dataDir, 'test.db') })
      : createDatabase({ dialect: 'postgres', url: inject('postgresUrl')! }, { pgSchema: t.handle.schema });

  it('shows changes to the ticket and to every name it shows', async () => {
    const admin = await t.signIn('admin');
    const team = await send(admin, 'POST', '/api/v1/teams', { name: 'Billing' });
    const category = await send(admin, 'POST', '/api/v1/categories', { name: 'Refunds' });
    const org = await send(admin, 'POST', '/api/v1/organizations', {
      name: 'Acme',
      domains: ['acme.example'],
    });
    const ticket = await openTicket(t, admin, {
      requester: { email: 'pat@acme.example', name: 'Pat' },
      teamId: team.id,
      categoryId: category.id,
      assigneeId: admin.userId,
    });
    expect(await only(admin)).toMatchObject({
      subject: ticket.subject,
      requester: { name: 'Pat', email: 'pat@acme.example' },
      organization: { name: 'Acme' },
      team: { name: 'Billing' },
      category: { name: 'Refunds' },
      assignee: { id: admin.userId },
    });

    await send(admin, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
      subject: 'Refund twice',
      version: ticket.version,
    });
    await send(admin, 'PATCH', `/api/v1/customers/${ticket.requester.id}`, {
      name: 'Pat Lee',
      email: 'pat.lee@acme.example',
    });
    await send(admin, 'PATCH', `/api/v1/teams/${team.id}`, { name: 'Billing desk' });
    await send(admin, 'PATCH', `/api/v1/categories/${category.id}`, { name: 'Refunds & returns' });
    await send(admin, 'PATCH', `/api/v1/organizations/${org.id}`, { name: 'Acme Ltd' });
    await send(admin, 'PATCH', `/api/v1/users/${admin.userId}`, { name: 'Alex Admin' });
    expect(await only(admin)).toMatchObject({
      subject: 'Refund twice',
      requester: { name: 'Pat Lee', email: 'pat.lee@acme.example' },
      organization: { name: 'Acme Ltd' },
      team: { name: 'Billing desk' },
      category: { name: 'Refunds & returns' },
      assignee: { name: 'Alex Admin' },
    });

    await send(admin, 'DELETE', `/api/v1/teams/${team.id}`);
    expect((await only(admin)).team).toBeNull();
  });

  it('shows replies, merged requesters and rows changed by other nodes', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent, { requester: { email: 'sam@home.example', name: 'Sam' } });
    expect((await only(agent)).messageCount).toBe(1);
    await send(agent, 'POST', `/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'note',
      body: 'Called the courier',
    });
    expect((await only(agent)).messageCount).toBe(2);

    const other = await send(agent, 'POST', '/api/v1/customers', {
      name: 'Sam Twin',
      email: 'sam@work.example',
    });
    await send(agent, 'POST', `/api/v1/customers/${other.id}/merges`, { sourceIds: [ticket.requester.id] });
    expect((await only(agent)).requester).toMatchObject({ id: other.id, name: 'Sam Twin' });

    // Another node writes through the same code, so the version moves; this node has not seen it happen.
    await sql`update tickets set subject = ${'Changed elsewhere'}, version = version + 1 where id = ${ticket.id}`.execute(
      t.handle.db,
    );
    expect((await only(agent)).subject).toBe('Changed elsewhere');
  });

  it('keeps rows apart when tickets are deleted and their ids come back', async () => {
    const agent = await t.signIn('agent');
    const first = await openTicket(t, agent, { subject: 'First life' });
    expect((await only(agent)).subject).toBe('First life');
    await sql`delete from ticket_search`.execute(t.handle.db).catch(() => undefined);
    await sql`delete from ticket_events`.execute(t.handle.db);
    await sql`delete from messages`.execute(t.handle.db);
    await sql`delete from tickets`.execute(t.handle.db);
    if (t.dialect === 'postgres')
      await sql`select setval(pg_get_serial_sequence('tickets', 'id'), 1, false)`.execute(t.handle.db);
    else await sql`delete from sqlite_sequence where name = 'tickets'`.execute(t.handle.db);
    const second = await openTicket(t, agent, { subject: 'Second life' });
    expect(second.id).toBe(first.id);
    expect(second.version).toBe(first.version);
    expect((await only(agent)).subject).toBe('Second life');
  });

  it('pages and searches with the rendered rows', async () => {
    const agent = await t.signIn('agent');
    for (let i = 0; i < 5; i += 1) await openTicket(t, agent, { subject: `Kettle ${i} leaks` });
    const first = await page(agent, 'view=all&limit=2');
    const second = await page(agent, `view=all&limit=2&cursor=${first.nextCursor}`);
    const third = await page(agent, `view=all&limit=2&cursor=${second.nextCursor}`);
    expect([...first.data, ...second.data, ...third.data].map((x) => x.subject)).toEqual(
      [4, 3, 2, 1, 0].map((i) => `Kettle ${i} leaks`),
    );
    expect(third.nextCursor).toBeNull();
    const found = await page(agent, 'view=all&q=kettle');
    expect(found.data).toHaveLength(5);
    expect(found.data[0]!.snippet).toContain('<mark>');
    // The same rows again, now from the cache, still carry their snippets and only theirs.
    const again = await page(agent, 'view=all&q=kettle');
    expect(again).toEqual(found);
    expect((await page(agent, 'view=all')).data[0]).not.toHaveProperty('snippet');
  });

  it('shows tickets opened, moved or changed since the same page was last read, by any connection', async () => {
    const agent = await t.signIn('agent');
    const ids = (query: string) => page(agent, query).then((p) => p.data.map((x) => x.id));
    const first = await openTicket(t, agent, { subject: 'First' });
    expect(await ids('view=unassigned')).toEqual([first.id]);
    expect(await ids('view=unassigned')).toEqual([first.id]);

    const second = await openTicket(t, agent, { subject: 'Second' });
    expect(await ids('view=unassigned')).toEqual([first.id, second.id]);

    // Written on this node's connection without the tickets repository.
    await sql`update tickets set assignee_id = ${agent.userId}, version = version + 1 where id = ${second.id}`.execute(
      t.handle.db,
    );
    expect(await ids('view=unassigned')).toEqual([first.id]);

    // Written by another process or node.
    const other = otherConnection();
    try {
      await sql`update tickets set assignee_id = ${agent.userId}, version = version + 1 where id = ${first.id}`.execute(
        other.db,
      );
      expect(await ids('view=unassigned')).toEqual([]);
      await sql`update tickets set subject = ${'Renamed elsewhere'}, version = version + 1 where id = ${first.id}`.execute(
        other.db,
      );
      expect((await page(agent, 'view=my-open')).data.map((x) => x.subject)).toContain('Renamed elsewhere');
    } finally {
      await other.destroy();
    }
  });

  it("keeps each agent's own counts apart and follows changes by any connection", async () => {
    const first = await t.signIn('agent');
    const second = await t.signIn('agent');
    const counts = async (auth: Auth) =>
      Object.fromEntries(
        ((await t.request(auth, { method: 'GET', url: '/api/v1/views' })).json().data as View[]).map((v) => [
          v.id,
          v.count,
        ]),
      );
    const ticket = await openTicket(t, first, { assigneeId: first.userId });
    await openTicket(t, first, {});
    expect(await counts(first)).toMatchObject({ 'my-open': 1, unassigned: 1 });
    expect(await counts(second)).toMatchObject({ 'my-open': 0, unassigned: 1 });

    const other = otherConnection();
    try {
      await sql`update tickets set assignee_id = ${second.userId}, version = version + 1 where id = ${ticket.id}`.execute(
        other.db,
      );
    } finally {
      await other.destroy();
    }
    expect(await counts(first)).toMatchObject({ 'my-open': 0, unassigned: 1 });
    expect(await counts(second)).toMatchObject({ 'my-open': 1, unassigned: 1 });
    await sql`update tickets set assignee_id = null, version = version + 1 where id = ${ticket.id}`.execute(
      t.handle.db,
    );
    expect(await counts(second)).toMatchObject({ 'my-open': 0, unassigned: 2 });
  });

  it('shows tickets whose team is deleted under them (the foreign key clears it)', async () => {
    const admin = await t.signIn('admin');
    const team = await send(admin, 'POST', '/api/v1/teams', { name: 'Night shift' });
    const ticket = await openTicket(t, admin, { teamId: team.id });
    const noTeam = `filters=${encodeURIComponent(JSON.stringify({ team: ['none'] }))}`;
    expect((await page(admin, noTeam)).data).toEqual([]);
    expect((await page(admin, noTeam)).data).toEqual([]);
    // The foreign key clears the ticket's team: no statement names the tickets table.
    await send(admin, 'DELETE', `/api/v1/teams/${team.id}`);
    expect((await page(admin, noTeam)).data.map((x) => x.id)).toEqual([ticket.id]);
  });
});
