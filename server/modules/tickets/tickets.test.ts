import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  type Message,
  type Ticket,
  type TicketEvent,
  VIEW_COUNT_LIMIT,
  type View,
} from '../../../contracts/tickets';
import { describeApi, sessionFrom } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { systemContext } from '../../platform/auth/actor';
import { pageKeysSelect } from '../queues';
import { addCustomerMessage } from './messages.service';

describeApi('tickets', (t) => {
  const get = async (auth: Parameters<typeof t.request>[0], url: string) =>
    (await t.request(auth, { method: 'GET', url })).json();

  describe('create', () => {
    it('creates the requester by email, the first message and the history', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      expect(ticket).toMatchObject({
        subject: 'My order never arrived',
        status: 'new',
        type: 'complaint',
        channel: 'api',
        requester: { name: 'Pat Customer', email: 'pat@customer.example' },
        messageCount: 1,
        version: expect.any(Number),
      });
      const again = await openTicket(t, agent, { subject: 'Second' });
      expect(again.requester.id).toBe(ticket.requester.id);
      const messages = (await get(agent, `/api/v1/tickets/${ticket.id}/messages`)).data as Message[];
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        kind: 'customer',
        author: { type: 'customer', name: 'Pat Customer' },
      });
      const events = (await get(agent, `/api/v1/tickets/${ticket.id}/events`)).data as TicketEvent[];
      expect(events.map((e) => e.type)).toEqual(['created', 'customer_replied']);
    });

    it('opens tickets sent at the same time each on its own; an invalid one fails alone', async () => {
      const agent = await t.signIn('agent');
      const send = (n: number, extra: Record<string, unknown> = {}) =>
        t.request(agent, {
          method: 'POST',
          url: '/api/v1/tickets',
          payload: {
            subject: `Parallel ${n}`,
            requester: { email: `parallel${n}@customer.example`, name: `Parallel ${n}` },
            message: { body: `Message ${n}` },
            ...extra,
          },
        });
      const responses = await Promise.all([
        send(1),
        send(2),
        send(3, { assigneeId: 99999 }),
        send(4),
        send(5),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 400, 201, 201]);
      expect(responses[2]!.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const opened = responses.filter((r) => r.statusCode === 201).map((r) => r.json() as Ticket);
      expect(opened.map((ticket) => ticket.subject)).toEqual([
        'Parallel 1',
        'Parallel 2',
        'Parallel 4',
        'Parallel 5',
      ]);
      expect(new Set(opened.map((ticket) => ticket.id)).size).toBe(4);
      expect(opened.map((ticket) => ticket.requester.email)).toEqual([
        'parallel1@customer.example',
        'parallel2@customer.example',
        'parallel4@customer.example',
        'parallel5@customer.example',
      ]);
      for (const ticket of opened) {
        const messages = (await get(agent, `/api/v1/tickets/${ticket.id}/messages`)).data as Message[];
        expect(messages.map((m) => m.body)).toEqual([`Message ${ticket.subject.split(' ')[1]}`]);
      }
      // The refused ticket's requester was rolled back with it.
      const customers = await get(agent, '/api/v1/customers?q=parallel3');
      expect(customers.data).toEqual([]);
    });

    // Statements that open a statement journal (RETURNING, several rows) make SQLite's full-text
    // tables flush into a new segment; a batch of tickets should write one (ADR 0010). Segments are
    // SQLite's: the test exists for SQLite only.
    if (t.dialect === 'sqlite')
      it('writes the full-text indexes once for tickets opened together', async () => {
        const db = t.handle.db;
        const segments = async (table: string) =>
          Number(
            (
              await sql<{ n: number }>`select count(distinct id >> 37) as n from ${sql.table(`${table}_data`)}
              where id >> 37 > 0`.execute(db)
            ).rows[0]!.n,
          );
        const automerge = (table: string, value: number) =>
          sql`insert into ${sql.table(table)} (${sql.id(table)}, rank) values ('automerge', ${sql.lit(value)})`.execute(
            db,
          );
        const tables = ['ticket_search', 'customer_search'];
        // Without automatic merges every flush stays a segment of its own, so they can be counted.
        for (const table of tables) await automerge(table, 0);
        try {
          const agent = await t.signIn('agent');
          const before = await Promise.all(tables.map(segments));
          const responses = await Promise.all(
            [1, 2, 3, 4, 5].map((n) =>
              t.request(agent, {
                method: 'POST',
                url: '/api/v1/tickets',
                payload: {
                  subject: `Together ${n}`,
                  requester: { email: `together${n}@customer.example`, name: `Together ${n}` },
                  message: { body: `Message ${n}` },
                },
              }),
            ),
          );
          expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
          expect(await Promise.all(tables.map(segments))).toEqual(before.map((n) => n + 1));
        } finally {
          for (const table of tables) await automerge(table, 4);
        }
      });

    it('joins the organisation that owns the email domain', async () => {
      const admin = await t.signIn('admin');
      await t.request(admin, {
        method: 'POST',
        url: '/api/v1/organizations',
        payload: { name: 'Acme', domains: ['acme.example'] },
      });
      const ticket = await openTicket(t, admin, { requester: { email: 'wile@acme.example', name: 'Wile' } });
      expect(ticket.organization?.name).toBe('Acme');
    });

    it('refuses unknown references and a missing requester', async () => {
      const agent = await t.signIn('agent');
      const res = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { subject: 'x', message: { body: 'y' } },
      });
      expect(res.statusCode).toBe(400);
      const badTeam = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { subject: 'x', requester: { email: 'a@b.example' }, message: { body: 'y' }, teamId: 999 },
      });
      expect(badTeam.statusCode).toBe(400);
      expect(await t.handle.db.selectFrom('tickets').select('id').execute()).toHaveLength(0);
    });
  });

  describe('lifecycle', () => {
    it('a reply records the first reply and opens a new ticket; notes do not count', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const note = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        payload: { kind: 'note', body: 'Checking with the warehouse' },
      });
      expect(note.statusCode).toBe(201);
      expect((await get(agent, `/api/v1/tickets/${ticket.id}`)).firstReplyAt).toBeNull();
      const reply = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        payload: { body: 'Sorry! A new one is on its way.', status: 'pending' },
      });
      expect(reply.json()).toMatchObject({ kind: 'reply', author: { type: 'user', id: agent.userId } });
      const after = (await get(agent, `/api/v1/tickets/${ticket.id}`)) as Ticket;
      expect(after.status).toBe('pending');
      expect(after.firstReplyAt).not.toBeNull();
      const types = ((await get(agent, `/api/v1/tickets/${ticket.id}/events`)).data as TicketEvent[]).map(
        (e) => e.type,
      );
      expect(types).toEqual(
        expect.arrayContaining(['note_added', 'replied', 'first_reply', 'status_changed']),
      );
    });

    it('refuses invalid transitions and keeps closed tickets closed', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const close = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'closed' },
      });
      expect(close.statusCode).toBe(409);
      expect(close.json().error.code).toBe('INVALID_TRANSITION');
      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'solved' },
      });
      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'closed' },
      });
      const reopen = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'open' },
      });
      expect(reopen.json().error.code).toBe('TICKET_CLOSED');
      const reply = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        payload: { body: 'hello?' },
      });
      expect(reply.json().error.code).toBe('TICKET_CLOSED');
    });

    it('a customer reply reopens a solved ticket, and on a closed one opens a linked follow-up', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'solved' },
      });
      const ctx = systemContext('test mail');
      await addCustomerMessage(t.handle.db, ctx, ticket.id, {
        customerId: ticket.requester.id,
        body: 'Still broken',
        channel: 'email',
        attachmentIds: [],
      });
      expect((await get(agent, `/api/v1/tickets/${ticket.id}`)).status).toBe('open');

      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'solved' },
      });
      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'closed' },
      });
      const result = await addCustomerMessage(t.handle.db, ctx, ticket.id, {
        customerId: ticket.requester.id,
        body: 'It broke again',
        channel: 'email',
        attachmentIds: [],
      });
      expect(result.followUp).toBe(true);
      const followUp = (await get(agent, `/api/v1/tickets/${result.ticketId}`)) as Ticket;
      expect(followUp).toMatchObject({
        followUpOfId: ticket.id,
        status: 'new',
        subject: 'Re: My order never arrived',
      });
      expect((await get(agent, `/api/v1/tickets/${ticket.id}`)).status).toBe('closed');
    });

    it('refuses a stale version instead of overwriting', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const first = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { version: ticket.version, priority: 'high' },
      });
      expect(first.statusCode).toBe(200);
      const second = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { version: ticket.version, priority: 'low' },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('TICKET_VERSION_CONFLICT');
      expect(second.json().error.details.current.priority).toBe('high');
    });

    it('assignment opens a new ticket and is recorded; escalation keeps a reason', async () => {
      const agent = await t.signIn('agent');
      const lead = await t.signIn('manager');
      const ticket = await openTicket(t, agent);
      const assigned = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { assigneeId: agent.userId },
      });
      expect(assigned.json()).toMatchObject({ status: 'open', assignee: { id: agent.userId } });
      const escalated = await t.request(agent, {
        method: 'PUT',
        url: `/api/v1/tickets/${ticket.id}/escalation`,
        payload: { reason: 'Customer threatens to cancel', escalatedToId: lead.userId, priority: 'urgent' },
      });
      expect(escalated.json()).toMatchObject({
        priority: 'urgent',
        escalation: { reason: 'Customer threatens to cancel', escalatedTo: { id: lead.userId } },
      });
      const types = ((await get(agent, `/api/v1/tickets/${ticket.id}/events`)).data as TicketEvent[]).map(
        (e) => e.type,
      );
      expect(types).toEqual(
        expect.arrayContaining(['assigned', 'status_changed', 'escalated', 'priority_changed']),
      );
    });

    it('notes mention colleagues by their address', async () => {
      const agent = await t.signIn('agent');
      await t.signIn('agent', { email: 'amara.adeyemi@test.example', name: 'Amara Adeyemi' });
      const ticket = await openTicket(t, agent);
      await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        payload: { kind: 'note', body: 'Can you look, @amara.adeyemi?' },
      });
      const amara = await t.login('amara.adeyemi@test.example', 'test-password-123');
      const session = sessionFrom(amara, amara.json().user.id);
      const inbox = (await t.request(session, { method: 'GET', url: '/api/v1/me/notifications' })).json();
      expect(inbox.unread).toBe(1);
      expect(inbox.data[0]).toMatchObject({ kind: 'mention', ticketId: ticket.id, read: false });
      await t.request(session, { method: 'PATCH', url: '/api/v1/me/notifications', payload: {} });
      expect(
        (await t.request(session, { method: 'GET', url: '/api/v1/me/notifications' })).json().unread,
      ).toBe(0);
    });

    it('renders message bodies as sanitised HTML', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent, {
        message: { body: 'Hi <script>alert(1)</script> **there** <img src=x onerror=alert(2)>' },
      });
      const [message] = (await get(agent, `/api/v1/tickets/${ticket.id}/messages`)).data as Message[];
      expect(message!.html).toContain('<strong>there</strong>');
      expect(message!.html).not.toMatch(/<script|onerror/);
    });
  });

  describe('views and search', () => {
    it('built-in views filter and count; pages by cursor', async () => {
      const agent = await t.signIn('agent');
      for (let i = 0; i < 5; i += 1) await openTicket(t, agent, { subject: `Ticket ${i}` });
      const mine = await openTicket(t, agent, { subject: 'Mine', assigneeId: agent.userId });
      const views = (await get(agent, '/api/v1/views')).data as { id: string; count: number }[];
      expect(views.find((v) => v.id === 'my-open')?.count).toBe(1);
      expect(views.find((v) => v.id === 'unassigned')?.count).toBe(5);
      const myOpen = await get(agent, '/api/v1/tickets?view=my-open');
      expect(myOpen.data.map((x: Ticket) => x.id)).toEqual([mine.id]);
      const page1 = await get(agent, '/api/v1/tickets?view=unassigned&limit=2');
      const page2 = await get(agent, `/api/v1/tickets?view=unassigned&limit=2&cursor=${page1.nextCursor}`);
      const page3 = await get(agent, `/api/v1/tickets?view=unassigned&limit=2&cursor=${page2.nextCursor}`);
      const ids = [...page1.data, ...page2.data, ...page3.data].map((x: Ticket) => x.id);
      expect(new Set(ids).size).toBe(5);
      expect(page3.nextCursor).toBeNull();
    });

    it('counts a view up to the limit and says when more match', async () => {
      const agent = await t.signIn('agent');
      await openTicket(t, agent, { subject: 'Copied' });
      // Eleven doublings of one ticket: 2,048 tickets, more than the count goes to.
      const columns = sql.raw(
        'subject, requester_id, organization_id, channel, type, priority, status, is_open, team_id, custom_fields, tags, version, message_count, created_at, updated_at',
      );
      for (let i = 0; i < 11; i += 1)
        await sql`insert into tickets (${columns}) select ${columns} from tickets`.execute(t.handle.db);
      const views = (await get(agent, '/api/v1/views')).data as View[];
      const unassigned = views.find((v) => v.id === 'unassigned')!;
      expect(unassigned).toMatchObject({ count: VIEW_COUNT_LIMIT, countCapped: true });
      expect(views.find((v) => v.id === 'my-open')).toMatchObject({ count: 0, countCapped: false });
    });

    // Plans are SQLite's to print: the test exists for SQLite only.
    if (t.dialect === 'sqlite')
      it('sorts every ticket by priority, status, due date, service level or creation from an index, not by sorting the table', async () => {
        const db = t.handle.db;
        for (const sort of ['priority', 'status', 'due_at', 'sla_due_at', 'created_at'] as const) {
          for (const dir of ['asc', 'desc'] as const) {
            const query = pageKeysSelect(db, {
              filters: {},
              viewer: { userId: null, teamIds: [] },
              sort,
              dir,
              limit: 50,
              after: null,
            }).compile();
            const plan = await db.executeQuery<{ detail: string }>(
              CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
            );
            const details = plan.rows.map((r) => r.detail).join('; ');
            expect(details, `${sort} ${dir}`).toMatch(
              /USING COVERING INDEX tickets_(priority_rank|status_rank|due_sort|sla_due_sort|created_sort)_idx/,
            );
            expect(details, `${sort} ${dir}`).not.toContain('TEMP B-TREE');
          }
        }
        // "Breaching soon" reads only the clocks that run out before its bound, in order.
        const soon = pageKeysSelect(db, {
          filters: { status: ['new', 'open', 'pending', 'on_hold'], slaDueBefore: new Date().toISOString() },
          viewer: { userId: null, teamIds: [] },
          sort: 'sla_due_at',
          dir: 'asc',
          limit: 50,
          after: null,
        }).compile();
        const plan = await db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${soon.sql}`, [...soon.parameters]),
        );
        const details = plan.rows.map((r) => r.detail).join('; ');
        expect(details).toContain('SEARCH tickets USING INDEX tickets_sla_due_sort_idx (<expr><?)');
        expect(details).not.toContain('TEMP B-TREE');
      });

    it('saves a personal view with custom-field filters and shows it only to its owner', async () => {
      const admin = await t.signIn('admin');
      const agent = await t.signIn('agent');
      const other = await t.signIn('agent');
      await t.request(admin, {
        method: 'POST',
        url: '/api/v1/custom-fields',
        payload: { key: 'order_no', label: 'Order number', type: 'text' },
      });
      await openTicket(t, agent, { customFields: { order_no: 'A-100' } });
      await openTicket(t, agent, { customFields: { order_no: 'B-200' } });
      const view = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/views',
        payload: { name: 'Order A-100', filters: { customFields: { order_no: 'A-100' } } },
      });
      expect(view.statusCode).toBe(201);
      expect(view.json().count).toBe(1);
      const list = await get(agent, `/api/v1/tickets?view=${view.json().id}`);
      expect(list.data.map((x: Ticket) => x.customFields.order_no)).toEqual(['A-100']);
      expect(
        (await t.request(other, { method: 'GET', url: `/api/v1/tickets?view=${view.json().id}` })).statusCode,
      ).toBe(404);
      const shared = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/views',
        payload: { name: 'Everyone', shared: true },
      });
      expect(shared.statusCode).toBe(403);
    });

    it('validates custom field values against their definitions', async () => {
      const admin = await t.signIn('admin');
      await t.request(admin, {
        method: 'POST',
        url: '/api/v1/custom-fields',
        payload: { key: 'plan', label: 'Plan', type: 'dropdown', options: ['basic', 'pro'] },
      });
      const bad = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/tickets',
        payload: {
          subject: 'x',
          requester: { email: 'a@b.example' },
          message: { body: 'y' },
          customFields: { plan: 'gold' },
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toEqual(['customFields', 'plan']);
    });

    it('finds tickets by words in messages, with highlighted and escaped snippets', async () => {
      const agent = await t.signIn('agent');
      const kettle = await openTicket(t, agent, {
        subject: 'Broken kettle',
        message: { body: 'The <b>kettle</b> leaks water everywhere' },
      });
      await openTicket(t, agent, {
        subject: 'Invoice question',
        message: { body: 'Why was I charged twice?' },
      });
      const res = await get(agent, '/api/v1/search?q=leaks');
      expect(res.tickets.map((x: { ticket: Ticket }) => x.ticket.id)).toEqual([kettle.id]);
      expect(res.tickets[0].snippet).toContain('<mark>leaks</mark>');
      expect(res.tickets[0].snippet).not.toContain('<b>');
      const prefix = await get(agent, '/api/v1/search?q=invo');
      expect(prefix.tickets).toHaveLength(1);
      const combined = await get(
        agent,
        '/api/v1/tickets?q=kettle&filters=%7B%22status%22%3A%5B%22new%22%5D%7D',
      );
      expect(combined.data.map((x: Ticket) => x.id)).toEqual([kettle.id]);
      const customers = await get(agent, '/api/v1/search?q=pat');
      expect(customers.customers[0].email).toBe('pat@customer.example');
    });

    it('finds a ticket right after it was opened or renamed, though recent hits are reused', async () => {
      const agent = await t.signIn('agent');
      const ids = async (q: string) =>
        (await get(agent, `/api/v1/search?q=${q}`)).tickets.map((x: { ticket: Ticket }) => x.ticket.id);
      const first = await openTicket(t, agent, { subject: 'Toaster sparks' });
      expect(await ids('toaster')).toEqual([first.id]);
      const second = await openTicket(t, agent, { subject: 'Toaster smokes' });
      expect((await ids('toaster')).sort()).toEqual([first.id, second.id].sort());
      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${first.id}`,
        payload: { subject: 'Blender sparks' },
      });
      expect(await ids('toaster')).toEqual([second.id]);
      // Ticket fields are read fresh even when the hits are reused.
      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${second.id}`,
        payload: { priority: 'urgent' },
      });
      const again = await get(agent, '/api/v1/search?q=toaster');
      expect(again.tickets[0].ticket.priority).toBe('urgent');
    });
  });

  describe('bulk, merge and logged contacts', () => {
    it('bulk-updates and reports per-ticket failures', async () => {
      const agent = await t.signIn('agent');
      const a = await openTicket(t, agent);
      const b = await openTicket(t, agent);
      const res = await t.request(agent, {
        method: 'PATCH',
        url: '/api/v1/tickets',
        payload: { ticketIds: [a.id, b.id, 999999], changes: { priority: 'high', addTags: ['vip'] } },
      });
      expect(res.json().updated).toEqual([a.id, b.id]);
      expect(res.json().failed).toEqual([
        expect.objectContaining({ ticketId: 999999, code: 'TICKET_NOT_FOUND' }),
      ]);
      expect((await get(agent, `/api/v1/tickets/${a.id}`)).tags).toEqual(['vip']);
      const byTag = await get(
        agent,
        `/api/v1/tickets?filters=${encodeURIComponent(JSON.stringify({ tags: ['vip'] }))}`,
      );
      expect(byTag.data).toHaveLength(2);
    });

    it('merges conversations and closes the source with a link', async () => {
      const agent = await t.signIn('agent');
      const target = await openTicket(t, agent, { subject: 'Target' });
      const source = await openTicket(t, agent, {
        subject: 'Duplicate',
        message: { body: 'Same problem, wrote twice' },
      });
      const merged = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [source.id] },
      });
      expect(merged.json().messageCount).toBe(2);
      const closed = (await get(agent, `/api/v1/tickets/${source.id}`)) as Ticket;
      expect(closed).toMatchObject({ status: 'closed', mergedIntoId: target.id });
      const messages = (await get(agent, `/api/v1/tickets/${target.id}/messages`)).data as Message[];
      expect(messages.map((m) => m.body)).toContain('Same problem, wrote twice');
      const self = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [target.id] },
      });
      expect(self.statusCode).toBe(400);
    });

    it('logs a phone call as a new ticket and a visit on an existing one', async () => {
      const agent = await t.signIn('agent');
      const call = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/contacts',
        payload: {
          kind: 'call',
          subject: 'Called about delivery',
          requester: { email: 'caller@customer.example', name: 'Cal Caller' },
          summary: 'Explained the delivery delay',
          durationMinutes: 7,
          outcome: 'information_given',
        },
      });
      expect(call.statusCode).toBe(201);
      expect(call.json()).toMatchObject({
        created: true,
        ticket: { channel: 'phone', status: 'solved', assignee: { id: agent.userId } },
        message: { kind: 'call', meta: { durationMinutes: 7, outcome: 'information_given' } },
      });
      const ticket = await openTicket(t, agent);
      const visit = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/contacts',
        payload: {
          kind: 'visit',
          ticketId: ticket.id,
          summary: 'Came in with the receipt',
          durationMinutes: 15,
          outcome: 'follow_up',
        },
      });
      expect(visit.json()).toMatchObject({ created: false, message: { kind: 'visit' } });
    });
  });
});
