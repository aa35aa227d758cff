import { beforeEach, expect, it } from 'vitest';
import type { Automation, DryRunResult, Trigger, TriggerDraftInput } from '../../../contracts/automation';
import type { Ticket, TicketEvent } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { insertTeam } from '../../seed/factories';
import { moveToTeam } from './automation.actions';
import { sweepAutomations } from './automation.sweep';

const HOUR = 3_600_000;

describeApi('automation', (t) => {
  const send = (
    auth: Auth,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  let manager: Auth;
  beforeEach(async () => {
    manager = await t.signIn('manager');
    // Each test starts without triggers: they would act on its tickets.
    for (const trigger of (await send(manager, 'GET', '/api/v1/triggers')).json().data as Trigger[])
      await send(manager, 'DELETE', `/api/v1/triggers/${trigger.id}`);
    for (const a of (await send(manager, 'GET', '/api/v1/automations')).json().data as Automation[])
      if (a.kind === 'custom') await send(manager, 'DELETE', `/api/v1/automations/${a.id}`);
  });

  async function createTrigger(body: TriggerDraftInput): Promise<Trigger> {
    const res = await send(manager, 'POST', '/api/v1/triggers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Trigger;
  }
  const history = async (id: number) =>
    (await send(manager, 'GET', `/api/v1/tickets/${id}/events`)).json().data as TicketEvent[];
  const ticket = async (id: number) => (await send(manager, 'GET', `/api/v1/tickets/${id}`)).json() as Ticket;

  it('a complaint goes to the Complaints team with high priority, and the firing is in its history', async () => {
    const teamId = await insertTeam(t.handle.db, { name: 'Complaints' });
    const trigger = await createTrigger({
      name: 'Complaints to the Complaints team',
      when: 'create',
      conditions: { all: [{ field: 'type', operator: 'is', value: 'complaint' }], any: [] },
      actions: [
        { type: 'set', field: 'priority', value: 'high' },
        { type: 'set', field: 'team', value: teamId },
      ],
    });
    expect(trigger.description).toBe(
      'When a ticket is created and type is complaint, set priority to high and move it to Complaints',
    );
    const complaint = await openTicket(t, manager, { type: 'complaint' });
    const question = await openTicket(t, manager, { type: 'question' });
    const after = await ticket(complaint.id);
    expect(after).toMatchObject({ priority: 'high', team: { id: teamId, name: 'Complaints' } });
    expect((await ticket(question.id)).priority).toBe('normal');
    const fired = (await history(complaint.id)).filter((e) => e.type === 'trigger_fired');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      from: 'Complaints to the Complaints team',
      to: 'set priority to high; move it to Complaints',
    });
    expect((await history(question.id)).some((e) => e.type === 'trigger_fired')).toBe(false);
    const listed = (await send(manager, 'GET', `/api/v1/triggers/${trigger.id}`)).json() as Trigger;
    expect(listed.firedCount).toBe(1);
  });

  it('conditions on previous values: "priority changed to urgent" fires on that change only', async () => {
    await createTrigger({
      name: 'Urgent gets a tag',
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'changed_to', value: 'urgent' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['urgent-now'] }],
    });
    const created = await openTicket(t, manager, { priority: 'urgent' });
    expect((await ticket(created.id)).tags).toEqual([]);
    const other = await openTicket(t, manager);
    await send(manager, 'PATCH', `/api/v1/tickets/${other.id}`, { subject: 'Still normal' });
    expect((await ticket(other.id)).tags).toEqual([]);
    await send(manager, 'PATCH', `/api/v1/tickets/${other.id}`, { priority: 'urgent' });
    expect((await ticket(other.id)).tags).toEqual(['urgent-now']);
  });

  it('two triggers that would undo each other stop: each fires once per change', async () => {
    await createTrigger({
      name: 'Ping',
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'changed_to', value: 'high' }], any: [] },
      actions: [{ type: 'set', field: 'priority', value: 'low' }],
    });
    await createTrigger({
      name: 'Pong',
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'changed_to', value: 'low' }], any: [] },
      actions: [{ type: 'set', field: 'priority', value: 'high' }],
    });
    const opened = await openTicket(t, manager);
    const res = await send(manager, 'PATCH', `/api/v1/tickets/${opened.id}`, { priority: 'high' });
    expect(res.statusCode, res.body).toBe(200);
    const fired = (await history(opened.id)).filter((e) => e.type === 'trigger_fired').map((e) => e.from);
    expect(fired).toEqual(['Ping', 'Pong']);
    expect((await ticket(opened.id)).priority).toBe('high');
  });

  it('triggers that only set fields see each other in order and are written as one change', async () => {
    await createTrigger({
      name: 'Complaints tagged',
      when: 'create',
      conditions: { all: [{ field: 'type', operator: 'is', value: 'complaint' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['complaint'] }],
    });
    await createTrigger({
      name: 'Tagged complaints raised',
      when: 'create',
      conditions: { all: [{ field: 'tags', operator: 'contains', value: 'complaint' }], any: [] },
      actions: [{ type: 'set', field: 'priority', value: 'high' }],
    });
    await createTrigger({
      name: 'High marked',
      when: 'both',
      conditions: { all: [{ field: 'priority', operator: 'is', value: 'high' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['watch'] }],
    });
    const opened = await openTicket(t, manager, { type: 'complaint' });
    expect(await ticket(opened.id)).toMatchObject({ priority: 'high', tags: ['complaint', 'watch'] });
    const events = await history(opened.id);
    expect(events.filter((e) => e.type === 'trigger_fired').map((e) => [e.from, e.to])).toEqual([
      ['Complaints tagged', 'add tag complaint'],
      ['Tagged complaints raised', 'set priority to high'],
      ['High marked', 'add tag watch'],
    ]);
    // One write after the three firings, not a write after each: its events (the priority and
    // the tags) all come after the last firing.
    expect(events.map((e) => e.type).slice(-5)).toEqual([
      'trigger_fired',
      'trigger_fired',
      'trigger_fired',
      'priority_changed',
      'tags_changed',
    ]);
  });

  it('when the one write of several firings fails, each is made alone and only the one that cannot apply is undone', async () => {
    const admin = await t.signIn('admin');
    const field = await send(admin, 'POST', '/api/v1/custom-fields', {
      key: 'plan_tier',
      label: 'Plan tier',
      type: 'text',
    });
    expect(field.statusCode, field.body).toBe(201);
    await createTrigger({
      name: 'Tag every new ticket',
      when: 'create',
      conditions: { all: [], any: [] },
      actions: [{ type: 'add_tags', tags: ['seen'] }],
    });
    await createTrigger({
      name: 'Tier on a field since archived',
      when: 'create',
      conditions: { all: [], any: [] },
      actions: [{ type: 'set_custom_field', key: 'plan_tier', value: 'gold' }],
    });
    await send(admin, 'PATCH', `/api/v1/custom-fields/${field.json().id}`, { archived: true });
    const opened = await openTicket(t, manager);
    expect((await ticket(opened.id)).tags).toEqual(['seen']);
    const events = await history(opened.id);
    expect(events.filter((e) => e.type === 'trigger_fired').map((e) => e.from)).toEqual([
      'Tag every new ticket',
    ]);
    expect(events.filter((e) => e.type === 'trigger_failed').map((e) => e.from)).toEqual([
      'Tier on a field since archived',
    ]);
  });

  it('text conditions and linear patterns; a pattern that can backtrack is refused when saved', async () => {
    const bad = await send(manager, 'POST', '/api/v1/triggers', {
      name: 'Backtracking',
      conditions: { all: [{ field: 'text', operator: 'matches', value: '^(a+)+$' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['x'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toEqual(['conditions', 'all', 0, 'value']);
    const before = (await send(manager, 'GET', '/api/v1/triggers')).json().data.length;
    expect(before).toBe(0);
    await createTrigger({
      name: 'Refunds',
      when: 'create',
      conditions: {
        all: [],
        any: [
          { field: 'text', operator: 'contains', value: 'refund' },
          { field: 'body', operator: 'matches', value: 'charge ?back' },
        ],
      },
      actions: [{ type: 'add_tags', tags: ['refund'] }],
    });
    const refund = await openTicket(t, manager, { message: { body: 'I want a REFUND please' } });
    const chargeback = await openTicket(t, manager, { message: { body: 'I will file a chargeback' } });
    const plain = await openTicket(t, manager, { message: { body: 'Where is my parcel?' } });
    expect((await ticket(refund.id)).tags).toEqual(['refund']);
    expect((await ticket(chargeback.id)).tags).toEqual(['refund']);
    expect((await ticket(plain.id)).tags).toEqual([]);
  });

  it('the dry run says what really happens when the same change is made with the trigger on', async () => {
    const teamId = await insertTeam(t.handle.db, { name: 'Premium queue' });
    const draft: TriggerDraftInput = {
      name: 'Urgent complaints',
      when: 'create',
      conditions: {
        all: [{ field: 'type', operator: 'is', value: 'complaint' }],
        any: [
          { field: 'priority', operator: 'is', value: 'urgent' },
          { field: 'subject', operator: 'contains', value: 'broken' },
        ],
      },
      actions: [
        { type: 'set', field: 'team', value: teamId },
        { type: 'set', field: 'priority', value: 'urgent' },
        { type: 'add_tags', tags: ['escalate-me'] },
      ],
    };
    const inputs = [
      { type: 'complaint', priority: 'urgent', subject: 'Late' },
      { type: 'complaint', priority: 'normal', subject: 'Arrived broken' },
      { type: 'complaint', priority: 'normal', subject: 'Late again' },
      { type: 'question', priority: 'urgent', subject: 'broken link' },
    ] as const;
    for (const input of inputs) await openTicket(t, manager, input);
    const dry = (
      await send(manager, 'POST', '/api/v1/triggers/dry-run', { trigger: draft })
    ).json() as DryRunResult;
    const predicted = dry.data.slice(0, inputs.length).reverse();
    expect(predicted.map((d) => d.matched)).toEqual([true, true, false, false]);
    expect(predicted[1]!.changes).toEqual([
      'move it to Premium queue',
      'set priority to urgent',
      'add tag escalate-me',
    ]);
    await createTrigger(draft);
    const real: { matched: boolean; changes: string[] }[] = [];
    for (const input of inputs) {
      const opened = await openTicket(t, manager, input);
      const fired = (await history(opened.id)).filter((e) => e.type === 'trigger_fired');
      real.push({ matched: fired.length > 0, changes: fired[0]?.to ? String(fired[0].to).split('; ') : [] });
    }
    expect(real).toEqual(predicted.map((d) => ({ matched: d.matched, changes: d.changes })));
  });

  it('a trigger whose action cannot apply is recorded as failed and the change still commits', async () => {
    const gone = await insertTeam(t.handle.db, { name: 'Soon gone' });
    await createTrigger({
      name: 'To a team since deleted',
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'changed_to', value: 'low' }], any: [] },
      actions: [{ type: 'set', field: 'team', value: gone }],
    });
    await send(manager, 'DELETE', `/api/v1/teams/${gone}`);
    await createTrigger({
      name: 'Pending with a note',
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'changed_to', value: 'low' }], any: [] },
      actions: [
        { type: 'set', field: 'status', value: 'pending' },
        { type: 'note', body: 'Seen by {{customer.name}}' },
      ],
    });
    const opened = await openTicket(t, manager, { requester: { email: 'eve@x.example', name: '*Eve* <b>' } });
    const res = await send(manager, 'PATCH', `/api/v1/tickets/${opened.id}`, { priority: 'low' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await ticket(opened.id);
    expect(after).toMatchObject({ priority: 'low', status: 'pending', team: null });
    const events = await history(opened.id);
    expect(events.find((e) => e.type === 'trigger_failed')).toMatchObject({
      from: 'To a team since deleted',
    });
    expect(events.find((e) => e.type === 'trigger_fired')).toMatchObject({
      from: 'Pending with a note',
      to: 'set status to pending; add an internal note',
    });
    const messages = (await send(manager, 'GET', `/api/v1/tickets/${opened.id}/messages`)).json();
    const note = (messages.data ?? messages).find((m: { kind: string }) => m.kind === 'note');
    expect(note.body).toBe('Seen by \\*Eve\\* \\<b\\>');
    expect(note.html).not.toContain('<b>');
  });

  it('routing moves the ticket to the team; notify rings the bell of the team', async () => {
    const agent = await t.signIn('agent');
    const teamId = await insertTeam(t.handle.db, { name: 'On call', memberIds: [agent.userId] });
    await createTrigger({
      name: 'Urgent outside hours',
      when: 'create',
      conditions: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] },
      actions: [
        { type: 'route', teamId },
        { type: 'notify', target: 'team', teamId, message: 'Urgent ticket' },
      ],
    });
    const opened = await openTicket(t, manager, { priority: 'urgent' });
    expect((await ticket(opened.id)).team?.id).toBe(teamId);
    const bell = (await send(agent, 'GET', '/api/v1/me/notifications')).json();
    expect(bell.data[0]).toMatchObject({ kind: 'automation', ticketId: opened.id, detail: 'Urgent ticket' });
    expect(typeof moveToTeam).toBe('function');
  });

  it('triggers keep their order; reordering needs every id once', async () => {
    const a = await createTrigger({
      name: 'A',
      conditions: { all: [{ field: 'type', operator: 'is', value: 'task' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['a'] }],
    });
    const b = await createTrigger({
      name: 'B',
      conditions: { all: [{ field: 'type', operator: 'is', value: 'task' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['b'] }],
    });
    expect((await send(manager, 'PUT', '/api/v1/triggers/order', { ids: [b.id] })).statusCode).toBe(400);
    const res = await send(manager, 'PUT', '/api/v1/triggers/order', { ids: [b.id, a.id] });
    expect(res.json().data.map((x: Trigger) => x.name)).toEqual(['B', 'A']);
    const agent = await t.signIn('agent');
    expect((await send(agent, 'GET', '/api/v1/triggers')).statusCode).toBe(200);
    expect((await send(agent, 'PATCH', `/api/v1/triggers/${a.id}`, { active: false })).statusCode).toBe(403);
    expect((await send(manager, 'GET', '/api/v1/triggers/999999')).json().error.code).toBe(
      'TRIGGER_NOT_FOUND',
    );
  });

  it('an automation acts once per matching period; the default one closes solved tickets after the setting days', async () => {
    const remind = await send(manager, 'POST', '/api/v1/automations', {
      name: 'Remind after 3 days pending',
      conditions: { all: [{ field: 'hours_since_pending', operator: 'at_least', value: 72 }], any: [] },
      actions: [
        {
          type: 'email_customer',
          body: 'Hello {{customer.name}}, we are waiting for your reply on #{{ticket.id}}.',
        },
      ],
    });
    expect(remind.statusCode, remind.body).toBe(201);
    const pending = await openTicket(t, manager);
    await send(manager, 'PATCH', `/api/v1/tickets/${pending.id}`, { status: 'pending' });
    const solved = await openTicket(t, manager);
    await send(manager, 'PATCH', `/api/v1/tickets/${solved.id}`, { status: 'solved' });
    const ports = { routeTicket: moveToTeam };
    // Nothing is due yet.
    await sweepAutomations(t.handle.db, ports);
    expect((await ticket(pending.id)).messageCount).toBe(1);
    const later = Date.now() + 100 * HOUR;
    const dry = (
      await send(manager, 'POST', '/api/v1/automations/dry-run', { automationId: remind.json().id })
    ).json() as DryRunResult;
    expect(dry.data.map((d) => d.ticketId)).not.toContain(pending.id);
    await sweepAutomations(t.handle.db, ports, later);
    await sweepAutomations(t.handle.db, ports, later + HOUR);
    const reminded = (await send(manager, 'GET', `/api/v1/tickets/${pending.id}/messages`)).json();
    const replies = (reminded.data ?? reminded).filter((m: { kind: string }) => m.kind === 'reply');
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toContain('Hello Pat Customer');
    expect((await history(pending.id)).filter((e) => e.type === 'automation_acted')).toHaveLength(1);
    // Four days (the default) after solving, the default automation closes it.
    expect((await ticket(solved.id)).status).toBe('closed');
    const list = (await send(manager, 'GET', '/api/v1/automations')).json().data as Automation[];
    const autoClose = list.find((a) => a.kind === 'auto_close')!;
    expect(autoClose.conditions.all.find((c) => c.field === 'hours_since_solved')?.value).toBe(96);
    expect((await send(manager, 'DELETE', `/api/v1/automations/${autoClose.id}`)).json().error.code).toBe(
      'AUTOMATION_IS_DEFAULT',
    );
  });

  it('the auto-close days follow the settings page both ways', async () => {
    const admin = await t.signIn('admin');
    const list = (await send(admin, 'GET', '/api/v1/automations')).json().data as Automation[];
    const autoClose = list.find((a) => a.kind === 'auto_close')!;
    await send(admin, 'PATCH', `/api/v1/automations/${autoClose.id}`, {
      conditions: {
        all: [
          { field: 'status', operator: 'is', value: 'solved' },
          { field: 'hours_since_solved', operator: 'at_least', value: 48 },
        ],
        any: [],
      },
    });
    const settings = (await send(admin, 'GET', '/api/v1/settings/tickets')).json();
    expect(settings.autoCloseDays).toBe(2);
    await send(admin, 'PATCH', '/api/v1/settings/tickets', { autoCloseDays: 6 });
    const again = (await send(admin, 'GET', `/api/v1/automations/${autoClose.id}`)).json() as Automation;
    expect(again.conditions.all.find((c) => c.field === 'hours_since_solved')?.value).toBe(144);
    await send(admin, 'PATCH', '/api/v1/settings/tickets', { autoCloseDays: 4 });
  });
});
