import { expect, it } from 'vitest';
import type { Ticket } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

interface Found {
  tickets: { ticket: Ticket; snippet: string }[];
  customers: { id: number; name: string; email: string | null; organization: string | null }[];
}

describeApi('search', (t) => {
  const search = async (auth: Auth, q: string, limit?: number) => {
    const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
    const res = await t.request(auth, { method: 'GET', url: `/api/v1/search?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Found;
  };

  it('finds tickets by subject and message words, and customers by name, email and organisation', async () => {
    const agent = await t.signIn('agent');
    const manager = await t.signIn('manager');
    const org = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Harbour Foods' },
    });
    await t.request(agent, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: 'Lena Okafor', email: 'lena@harbour.example', organizationId: org.json().id },
    });
    const fridge = await openTicket(t, agent, {
      subject: 'Fridge humming loudly',
      message: { body: 'It hums at night' },
    });
    await openTicket(t, agent, {
      subject: 'Invoice copy',
      message: { body: 'Please send a copy of the invoice' },
    });

    const order = await openTicket(t, agent, {
      subject: 'Refund for order SO-4821',
      message: { body: 'Paid twice' },
    });
    expect((await search(agent, 'humming')).tickets.map((x) => x.ticket.id)).toEqual([fridge.id]);
    expect((await search(agent, 'SO-4821')).tickets.map((x) => x.ticket.id)).toEqual([order.id]);
    expect((await search(agent, 'SO-48')).tickets.map((x) => x.ticket.id)).toEqual([order.id]);
    expect((await search(agent, 'night')).tickets.map((x) => x.ticket.id)).toEqual([fridge.id]);
    const byName = await search(agent, 'okafor');
    expect(byName.customers).toMatchObject([
      { name: 'Lena Okafor', email: 'lena@harbour.example', organization: 'Harbour Foods' },
    ]);
    expect((await search(agent, 'lena@harbour.example')).customers.map((c) => c.name)).toEqual([
      'Lena Okafor',
    ]);
  });

  it('a reply added later is found, and its snippet marks the words and escapes the rest', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent, { subject: 'Delivery', message: { body: 'Where is it?' } });
    expect((await search(agent, 'courier')).tickets).toEqual([]);
    const reply = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { kind: 'reply', body: 'The <i>courier</i> has it' },
    });
    expect(reply.statusCode).toBe(201);
    const found = await search(agent, 'courier');
    expect(found.tickets.map((x) => x.ticket.id)).toEqual([ticket.id]);
    expect(found.tickets[0]!.snippet).toContain('<mark>courier</mark>');
    expect(found.tickets[0]!.snippet).not.toContain('<i>');
  });

  it('treats query syntax as words: quotes, operators and brackets never fail', async () => {
    const agent = await t.signIn('agent');
    await openTicket(t, agent, { subject: 'Kettle NEAR sink', message: { body: 'kettle or toaster' } });
    for (const q of [
      '"kettle',
      'kettle OR',
      'NEAR(kettle',
      '-kettle',
      'kettle*',
      '(',
      "'; drop table tickets;--",
      ':',
      '^x',
    ]) {
      await search(agent, q);
    }
    expect((await search(agent, '"kettle"')).tickets).toHaveLength(1);
  });

  it('keeps to the limit and refuses empty, long or unknown parameters', async () => {
    const agent = await t.signIn('agent');
    for (let i = 0; i < 3; i += 1)
      await openTicket(t, agent, { subject: `Blender ${i}`, message: { body: 'blender broke' } });
    expect((await search(agent, 'blender', 2)).tickets).toHaveLength(2);
    for (const url of [
      '/api/v1/search?q=',
      '/api/v1/search',
      `/api/v1/search?q=${'a'.repeat(201)}`,
      '/api/v1/search?q=x&limit=101',
      '/api/v1/search?q=x&sort=asc',
    ]) {
      const res = await t.request(agent, { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is for staff only: customers are refused and strangers must sign in', async () => {
    const agent = await t.signIn('agent');
    await openTicket(t, agent, { subject: 'Secret tender', message: { body: 'confidential' } });
    const customer = await t.signIn('customer');
    expect((await t.request(customer, { method: 'GET', url: '/api/v1/search?q=secret' })).statusCode).toBe(
      403,
    );
    expect(
      (await t.request({ kind: 'anonymous' }, { method: 'GET', url: '/api/v1/search?q=secret' })).statusCode,
    ).toBe(401);
    const token = await t.tokenFor('agent');
    expect((await search(token, 'secret')).tickets).toHaveLength(1);
  });
});
