import { expect, it } from 'vitest';
import type { Macro, MacroApplied, MacroPreview } from '../../../contracts/macros';
import type { Ticket } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('macros', (t) => {
  const send = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  async function create(auth: Auth, body: object): Promise<Macro> {
    const res = await send(auth, 'POST', '/api/v1/macros', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Macro;
  }

  const names = async (auth: Auth, query = '') =>
    ((await send(auth, 'GET', `/api/v1/macros${query}`)).json().data as Macro[]).map((m) => m.name);

  async function team(manager: Auth, leadId: number, memberIds: number[]) {
    const res = await send(manager, 'POST', '/api/v1/teams', { name: `Team ${leadId}`, leadId, memberIds });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  }

  it('agents keep personal macros; team leads and managers keep team and shared ones; each sees only theirs', async () => {
    const manager = await t.signIn('manager');
    const lead = await t.signIn('agent');
    const member = await t.signIn('agent');
    const outsider = await t.signIn('agent');
    const teamId = await team(manager, lead.userId, [lead.userId, member.userId]);

    const personal = await create(member, { name: 'My sign-off', body: 'Cheers, {{agent.first_name}}' });
    expect(personal).toMatchObject({ visibility: 'personal', owner: { id: member.userId }, canEdit: true });
    const teamMacro = await create(lead, { name: 'Team hello', visibility: 'team', teamId });
    expect(teamMacro.team).toEqual({ id: teamId, name: `Team ${lead.userId}` });
    await create(manager, { name: 'Shared thanks', visibility: 'shared', body: 'Thank you!' });

    // An agent who leads no team keeps neither team nor shared macros.
    expect(
      (await send(outsider, 'POST', '/api/v1/macros', { name: 'x', visibility: 'shared' })).statusCode,
    ).toBe(403);
    expect(
      (await send(member, 'POST', '/api/v1/macros', { name: 'x', visibility: 'team', teamId })).statusCode,
    ).toBe(403);

    expect(await names(member)).toEqual(['My sign-off', 'Shared thanks', 'Team hello']);
    expect(await names(outsider)).toEqual(['Shared thanks']);
    expect(await names(manager)).toEqual(['Shared thanks', 'Team hello']);
    expect(await names(await t.tokenFor('agent'))).toEqual(['Shared thanks']);
    // Someone else's personal macro does not exist for the others.
    const hidden = await send(manager, 'GET', `/api/v1/macros/${personal.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('MACRO_NOT_FOUND');
    // A team member uses the team's macro but may not change it; its lead may.
    const asMember = (await send(member, 'GET', `/api/v1/macros/${teamMacro.id}`)).json() as Macro;
    expect(asMember.canEdit).toBe(false);
    expect(
      (await send(member, 'PATCH', `/api/v1/macros/${teamMacro.id}`, { name: 'Mine now' })).statusCode,
    ).toBe(403);
    const renamed = await send(lead, 'PATCH', `/api/v1/macros/${teamMacro.id}`, { name: 'Team welcome' });
    expect(renamed.json()).toMatchObject({ name: 'Team welcome' });
    expect((await send(outsider, 'DELETE', `/api/v1/macros/${teamMacro.id}`)).statusCode).toBe(404);
    expect((await send(manager, 'DELETE', `/api/v1/macros/${teamMacro.id}`)).statusCode).toBe(204);
    expect(await names(member)).toEqual(['My sign-off', 'Shared thanks']);

    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'macro')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'macro.created',
      'macro.created',
      'macro.created',
      'macro.deleted',
      'macro.updated',
    ]);
  });

  it('refuses unknown placeholders and actions naming nobody, and changes nothing', async () => {
    const agent = await t.signIn('agent');
    const res = await send(agent, 'POST', '/api/v1/macros', { name: 'Bad', body: 'Hi {{customer.name}}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['body'] }] });
    expect(res.json().error.message).toContain('{{customer.name}}');
    const nobody = await send(agent, 'POST', '/api/v1/macros', {
      name: 'Bad',
      actions: { assignee: 999999 },
    });
    expect(nobody.statusCode).toBe(400);
    const noField = await send(agent, 'POST', '/api/v1/macros', {
      name: 'Bad',
      actions: { customFields: { no_such_field: 'x' } },
    });
    expect(noField.statusCode).toBe(400);
    const teamless = await send(await t.signIn('manager'), 'POST', '/api/v1/macros', {
      name: 'x',
      visibility: 'team',
    });
    expect(teamless.statusCode).toBe(400);
    expect(await names(agent)).toEqual([]);
  });

  it('finds macros by words in the name, description or text, and lists those unused for 90 days', async () => {
    const agent = await t.signIn('agent');
    await create(agent, { name: 'Refund sent', description: 'After the money went back' });
    await create(agent, { name: 'Descaling', body: 'Run a **citric acid** cycle.' });
    const used = await create(agent, { name: 'Greeting', body: 'Hello' });
    expect(await names(agent, '?q=money')).toEqual(['Refund sent']);
    expect(await names(agent, '?q=CITRIC')).toEqual(['Descaling']);
    expect(await names(agent, '?q=100%25')).toEqual([]);
    const ticket = await openTicket(t, agent);
    await send(agent, 'POST', `/api/v1/macros/${used.id}/apply`, { ticketId: ticket.id });
    expect(await names(agent, '?unused=true')).toEqual(['Descaling', 'Refund sent']);
  });

  it('previews the text and changes without changing anything, then applies exactly that', async () => {
    const agent = await t.signIn('agent', { name: 'Amara Okafor' });
    const ticket = await openTicket(t, agent, {
      subject: 'Kettle <b>leaks</b>',
      requester: { email: 'script@customer.example', name: '<script>alert(1)</script> Jo' },
    });
    const macro = await create(agent, {
      name: 'Leak: send a replacement',
      body: 'Dear {{requester.name}},\n\nabout #{{ticket.id}} ({{ticket.subject}}): a new kettle is on its way.\n\n{{agent.first_name}}',
      actions: { status: 'pending', priority: 'high', assignee: 'me', addTags: ['replacement'] },
    });
    const preview = await send(agent, 'POST', `/api/v1/macros/${macro.id}/preview`, { ticketId: ticket.id });
    expect(preview.statusCode, preview.body).toBe(200);
    const planned = preview.json() as MacroPreview;
    expect(planned.reply.body).toContain('Dear \\<script\\>alert(1)\\</script\\> Jo,');
    expect(planned.reply.body).toContain(`about #${ticket.id} (Kettle \\<b\\>leaks\\</b\\>)`);
    expect(planned.reply.body).toContain('Amara');
    expect(planned.reply.html).not.toContain('<script');
    expect(planned.reply.html).toContain('&lt;script&gt;');
    expect(planned.changes).toEqual([
      { field: 'status', label: 'Status', before: 'New', after: 'Pending' },
      { field: 'priority', label: 'Priority', before: 'Normal', after: 'High' },
      { field: 'assignee', label: 'Assignee', before: 'Nobody', after: 'Amara Okafor' },
      { field: 'tags', label: 'Tags', before: 'No tags', after: 'replacement' },
    ]);
    const unchanged = (await send(agent, 'GET', `/api/v1/tickets/${ticket.id}`)).json() as Ticket;
    expect(unchanged.version).toBe(ticket.version);

    const applied = await send(agent, 'POST', `/api/v1/macros/${macro.id}/apply`, {
      ticketId: ticket.id,
      version: ticket.version,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const result = applied.json() as MacroApplied;
    expect({ reply: result.reply, changes: result.changes }).toEqual(planned);
    expect(result.ticket).toMatchObject({
      status: 'pending',
      priority: 'high',
      assignee: { id: agent.userId },
      tags: ['replacement'],
    });
    const history = (await send(agent, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().data as {
      type: string;
      to: string | null;
    }[];
    expect(history.map((e) => e.type)).toEqual(
      expect.arrayContaining(['status_changed', 'priority_changed', 'macro_applied']),
    );
    expect(history.find((e) => e.type === 'macro_applied')?.to).toBe('Leak: send a replacement');
    const read = (await send(agent, 'GET', `/api/v1/macros/${macro.id}`)).json() as Macro;
    expect(read.usageCount).toBe(1);
    expect(read.lastUsedAt).not.toBeNull();
  });

  it('refuses a stale ticket version with 409 and counts no use', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    const macro = await create(agent, { name: 'Escalate', actions: { priority: 'urgent' } });
    await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, { priority: 'low', version: ticket.version });
    const stale = await send(agent, 'POST', `/api/v1/macros/${macro.id}/apply`, {
      ticketId: ticket.id,
      version: ticket.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('TICKET_VERSION_CONFLICT');
    const read = (await send(agent, 'GET', `/api/v1/macros/${macro.id}`)).json() as Macro;
    expect(read.usageCount).toBe(0);
    const current = (await send(agent, 'GET', `/api/v1/tickets/${ticket.id}`)).json() as Ticket;
    expect(current.priority).toBe('low');
  });

  it('counts every use; a macro that changes nothing only fills the composer', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    const macro = await create(agent, { name: 'Thanks', body: 'Thanks, {{requester.first_name}}!' });
    for (let i = 0; i < 3; i += 1) {
      const res = await send(agent, 'POST', `/api/v1/macros/${macro.id}/apply`, { ticketId: ticket.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ reply: { body: 'Thanks, Pat!', internal: false }, changes: [] });
      expect((res.json() as MacroApplied).ticket.version).toBe(ticket.version);
    }
    expect(((await send(agent, 'GET', `/api/v1/macros/${macro.id}`)).json() as Macro).usageCount).toBe(3);
    const missing = await send(agent, 'POST', `/api/v1/macros/${macro.id}/apply`, { ticketId: 999999 });
    expect(missing.json().error.code).toBe('TICKET_NOT_FOUND');
  });

  it('an API token applies shared macros, but one that assigns to "me" needs a person', async () => {
    const manager = await t.signIn('manager');
    const token = await t.tokenFor('agent');
    const ticket = await openTicket(t, manager);
    const take = await create(manager, {
      name: 'Take it',
      visibility: 'shared',
      actions: { assignee: 'me' },
    });
    const urgent = await create(manager, {
      name: 'Urgent',
      visibility: 'shared',
      actions: { priority: 'urgent' },
    });
    const refused = await send(token, 'POST', `/api/v1/macros/${take.id}/apply`, { ticketId: ticket.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ path: ['actions', 'assignee'] }),
    ]);
    const applied = await send(token, 'POST', `/api/v1/macros/${urgent.id}/apply`, { ticketId: ticket.id });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((applied.json() as MacroApplied).ticket.priority).toBe('urgent');
    // A token keeps no personal macros.
    expect((await send(token, 'POST', '/api/v1/macros', { name: 'Mine' })).statusCode).toBe(400);
  });
});
