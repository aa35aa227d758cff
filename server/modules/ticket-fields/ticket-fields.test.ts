import { expect, it } from 'vitest';
import type { Category, CustomField } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';

describeApi('ticket fields', (t) => {
  const send = async (auth: Auth, method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.request(auth, { method, url, payload });
  const category = async (auth: Auth, payload: object) =>
    (await send(auth, 'POST', '/api/v1/categories', payload)).json() as Category;
  const openWith = (auth: Auth, extra: object) =>
    send(auth, 'POST', '/api/v1/tickets', {
      subject: 'Parcel lost',
      requester: { email: 'pat@customers.example' },
      message: { body: 'Where is my parcel?' },
      ...extra,
    });

  it('keeps categories as a tree with paths, parents first, readable by agents', async () => {
    const admin = await t.signIn('admin');
    const billing = await category(admin, { name: 'Billing' });
    const refunds = await category(admin, { name: 'Refunds', parentId: billing.id });
    expect(refunds.path).toBe('Billing › Refunds');
    await category(admin, { name: 'Delivery' });
    const agent = await t.signIn('agent');
    const list = (await t.request(agent, { method: 'GET', url: '/api/v1/categories' })).json()
      .data as Category[];
    expect(list.map((c) => c.path)).toEqual(['Billing', 'Billing › Refunds', 'Delivery']);
  });

  it('refuses an unknown parent and a loop, and changes nothing', async () => {
    const admin = await t.signIn('admin');
    const a = await category(admin, { name: 'A' });
    const b = await category(admin, { name: 'B', parentId: a.id });
    const ghost = await send(admin, 'POST', '/api/v1/categories', { name: 'C', parentId: 999 });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().error.details[0].path).toEqual(['parentId']);
    const loop = await send(admin, 'PATCH', `/api/v1/categories/${a.id}`, { parentId: b.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toMatch(/under itself/);
    const missing = await send(admin, 'PATCH', '/api/v1/categories/999', { name: 'X' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('CATEGORY_NOT_FOUND');
    const list = (await t.request(admin, { method: 'GET', url: '/api/v1/categories' })).json()
      .data as Category[];
    expect(list.map((c) => [c.path, c.parentId])).toEqual([
      ['A', null],
      ['A › B', a.id],
    ]);
  });

  it('an archived category stays listed but no ticket may take it', async () => {
    const admin = await t.signIn('admin');
    const old = await category(admin, { name: 'Old products' });
    expect((await openWith(admin, { categoryId: old.id })).statusCode).toBe(201);
    const archived = await send(admin, 'PATCH', `/api/v1/categories/${old.id}`, { archived: true });
    expect(archived.json()).toMatchObject({ id: old.id, archived: true });
    const refused = await openWith(admin, { categoryId: old.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toEqual(['categoryId']);
  });

  it('creates, edits and archives custom fields; keys are unique and dropdowns need options', async () => {
    const admin = await t.signIn('admin');
    const created = await send(admin, 'POST', '/api/v1/custom-fields', {
      key: 'order_no',
      label: 'Order number',
      type: 'text',
      ticketTypes: ['complaint'],
    });
    expect(created.statusCode).toBe(201);
    const field = created.json() as CustomField;
    expect(field).toMatchObject({
      key: 'order_no',
      required: false,
      archived: false,
      ticketTypes: ['complaint'],
    });
    const taken = await send(admin, 'POST', '/api/v1/custom-fields', {
      key: 'order_no',
      label: 'Again',
      type: 'text',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('FIELD_KEY_TAKEN');
    const empty = await send(admin, 'POST', '/api/v1/custom-fields', {
      key: 'plan',
      label: 'Plan',
      type: 'dropdown',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toEqual(['options']);
    const edited = await send(admin, 'PATCH', `/api/v1/custom-fields/${field.id}`, {
      label: 'Order',
      archived: true,
    });
    expect(edited.json()).toMatchObject({ label: 'Order', archived: true, key: 'order_no' });
    const fields = (await t.request(admin, { method: 'GET', url: '/api/v1/custom-fields' })).json()
      .data as CustomField[];
    expect(fields.map((f) => f.key)).toEqual(['order_no']);
    expect((await send(admin, 'PATCH', '/api/v1/custom-fields/999', { label: 'X' })).statusCode).toBe(404);
  });

  it('only admins shape categories and fields; agents and managers read them', async () => {
    for (const role of ['agent', 'manager'] as const) {
      const who = await t.signIn(role);
      expect((await send(who, 'POST', '/api/v1/categories', { name: 'Mine' })).statusCode).toBe(403);
      const field = { key: `k_${role}`, label: 'K', type: 'text' };
      expect((await send(who, 'POST', '/api/v1/custom-fields', field)).statusCode).toBe(403);
      expect((await t.request(who, { method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(200);
      expect((await t.request(who, { method: 'GET', url: '/api/v1/custom-fields' })).statusCode).toBe(200);
    }
    const customer = await t.signIn('customer');
    expect((await t.request(customer, { method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(403);
    const anonymous = await t.request({ kind: 'anonymous' }, { method: 'GET', url: '/api/v1/custom-fields' });
    expect(anonymous.statusCode).toBe(401);
    const admin = await t.signIn('admin');
    expect((await t.request(admin, { method: 'GET', url: '/api/v1/categories' })).json()).toEqual({
      data: [],
    });
  });
});
