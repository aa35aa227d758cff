import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app';

/**
 * An empty PATCH ({}) changes nothing: it answers 200 (or 400/404/409), never 500. The routes
 * come from the OpenAPI document, so a new PATCH route is covered without touching this file.
 */
describeApi('empty PATCH', (t) => {
  /** One record of each kind, so PATCH reaches the update instead of stopping at 404. */
  async function seed() {
    const admin = await t.signIn('admin');
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await t.request(admin, { method: 'POST', url, payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    };
    await post('/api/v1/teams', { name: 'Team' });
    await post('/api/v1/users', { email: 'agent@example.com', name: 'Agent', role: 'agent' });
    await post('/api/v1/organizations', { name: 'Org' });
    await post('/api/v1/customers', { name: 'Customer' });
    await post('/api/v1/categories', { name: 'Billing' });
    await post('/api/v1/custom-fields', { key: 'plan', label: 'Plan', type: 'text' });
    await post('/api/v1/views', { name: 'Mine' });
    await post('/api/v1/mailboxes', { address: 'help@example.com', displayName: 'Help' });
    await post('/api/v1/tickets', {
      subject: 'Hi',
      requester: { email: 'req@example.com', name: 'Req' },
      message: { body: 'Hello' },
    });
    return admin;
  }

  /** The first listed record's value for a path parameter, found from the collection route. */
  async function firstValue(admin: Awaited<ReturnType<typeof seed>>, path: string, param: string) {
    const collection = path.slice(0, path.indexOf(`/{${param}}`));
    const res = await t.request(admin, { method: 'GET', url: collection });
    const body = res.statusCode === 200 ? (res.json() as unknown) : [];
    const items = Array.isArray(body) ? body : ((body as { data?: unknown[] }).data ?? []);
    const values = items
      .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
      .map((i) => i[param])
      .filter((v) => v !== undefined)
      .map(String);
    // Built-in records (views such as "my-open") cannot be edited: prefer one with a numeric id.
    return values.find((v) => param !== 'id' || /^\d+$/.test(v)) ?? values[0] ?? '999999';
  }

  it('answers every PATCH route without a 500', async () => {
    const admin = await seed();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const patches = Object.entries(doc.paths)
      .filter(([, ops]) => 'patch' in ops)
      .map(([path]) => path);
    expect(patches).toEqual(
      expect.arrayContaining(['/api/v1/categories/{id}', '/api/v1/custom-fields/{id}']),
    );
    for (const path of patches) {
      let url = path;
      for (const [, param] of path.matchAll(/\{(\w+)\}/g)) {
        url = url.replace(`{${param}}`, await firstValue(admin, path, param!));
      }
      const res = await t.request(admin, { method: 'PATCH', url, payload: {} });
      expect([200, 400, 404, 409], `PATCH ${url}: ${res.body}`).toContain(res.statusCode);
      if (res.statusCode !== 200) expect(res.json().error.code, url).toEqual(expect.any(String));
    }
  });

  it.each([
    ['/api/v1/categories', { name: 'Billing' }],
    ['/api/v1/custom-fields', { key: 'plan', label: 'Plan', type: 'text' }],
  ])('PATCH %s/{id} with {} answers the record unchanged', async (url, payload) => {
    const admin = await t.signIn('admin');
    const created = await t.request(admin, { method: 'POST', url, payload });
    const res = await t.request(admin, { method: 'PATCH', url: `${url}/${created.json().id}`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(created.json());
  });
});
