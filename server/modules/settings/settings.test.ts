import { expect, it } from 'vitest';
import { describeApi } from '../../../test/helpers/app';

describeApi('settings', (t) => {
  const url = '/api/v1/settings/tickets';

  it('starts from the default auto-close days, readable by every staff member', async () => {
    for (const role of ['agent', 'manager', 'admin'] as const) {
      const res = await t.request(await t.signIn(role), { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ autoCloseDays: 4, assignOnReply: true });
    }
  });

  it('an admin changes auto-close days; the change is kept and audited with before and after', async () => {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, { method: 'PATCH', url, payload: { autoCloseDays: 9 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ autoCloseDays: 9, assignOnReply: true });
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url })).json()).toEqual({
      autoCloseDays: 9,
      assignOnReply: true,
    });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['entity_id', 'changes'])
      .where('action', '=', 'settings.updated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe('tickets');
    expect(JSON.parse(audit[0]!.changes)).toEqual({ autoCloseDays: { before: 4, after: 9 } });
  });

  it('assigning on reply is on by default; an admin turns it off and the change is audited', async () => {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, { method: 'PATCH', url, payload: { assignOnReply: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ autoCloseDays: 4, assignOnReply: false });
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url })).json()).toEqual({
      autoCloseDays: 4,
      assignOnReply: false,
    });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'settings.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes)).toEqual({ assignOnReply: { before: true, after: false } });
    const wrong = await t.request(admin, { method: 'PATCH', url, payload: { assignOnReply: 'no' } });
    expect(wrong.statusCode).toBe(400);
  });

  it('only admins change settings; customers and strangers read nothing', async () => {
    for (const role of ['agent', 'manager'] as const) {
      const res = await t.request(await t.signIn(role), {
        method: 'PATCH',
        url,
        payload: { autoCloseDays: 2 },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const customer = await t.signIn('customer');
    expect((await t.request(customer, { method: 'GET', url })).statusCode).toBe(403);
    expect((await t.request({ kind: 'anonymous' }, { method: 'GET', url })).statusCode).toBe(401);
    const admin = await t.signIn('admin');
    expect((await t.request(admin, { method: 'GET', url })).json()).toEqual({
      autoCloseDays: 4,
      assignOnReply: true,
    });
  });

  it('refuses days out of range, fractions and unknown keys, and changes nothing', async () => {
    const admin = await t.signIn('admin');
    for (const payload of [
      { autoCloseDays: 0 },
      { autoCloseDays: 91 },
      { autoCloseDays: 2.5 },
      { other: 1 },
    ]) {
      const res = await t.request(admin, { method: 'PATCH', url, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.request(admin, { method: 'GET', url })).json()).toEqual({
      autoCloseDays: 4,
      assignOnReply: true,
    });
    const audited = t.handle.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'settings');
    expect(await audited.execute()).toHaveLength(0);
  });
});
