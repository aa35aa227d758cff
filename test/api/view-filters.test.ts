import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app';

/** Custom-field filter keys name a field the way fields are created; anything else is a clear 400. */
const badKeys = ['[', '.', "'", 'a.b', '$', 'Plan', 'x'.repeat(41), 'x'.repeat(300)];

describeApi('view filters', (t) => {
  it('refuses custom-field filter keys that cannot name a field', async () => {
    const agent = await t.signIn('agent');
    for (const key of badKeys) {
      const filters = encodeURIComponent(JSON.stringify({ customFields: { [key]: 'x' } }));
      const list = await t.request(agent, { method: 'GET', url: `/api/v1/tickets?filters=${filters}` });
      expect(list.statusCode, `list ${key.slice(0, 20)}: ${list.body}`).toBe(400);
      expect(list.json().error.code).toBe('VALIDATION_FAILED');
      expect(list.json().error.message).toMatch(/customFields/);
      expect(list.json().error.message).toMatch(/custom field keys are/i);

      const view = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/views',
        payload: { name: 'Bad', filters: { customFields: { [key]: 'x' } } },
      });
      expect(view.statusCode, `view ${key.slice(0, 20)}: ${view.body}`).toBe(400);
      expect(view.json().error.message).toMatch(/custom field keys are/i);
    }
  });

  it('still filters on a real custom-field key', async () => {
    const agent = await t.signIn('agent');
    const filters = encodeURIComponent(JSON.stringify({ customFields: { order_no: 'A-1' } }));
    const list = await t.request(agent, { method: 'GET', url: `/api/v1/tickets?filters=${filters}` });
    expect(list.statusCode, list.body).toBe(200);
  });
});
