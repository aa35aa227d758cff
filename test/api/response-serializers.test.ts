import { expect, it } from 'vitest';
import { z } from 'zod';
import { compileSchema } from '../../server/platform/serializers';
import { describeApi } from '../helpers/app';
import { openTicket } from '../helpers/tickets';
import { samplesOf } from '../helpers/zod-samples';

/**
 * Every success response is written by a serializer compiled from its route's schema, and that
 * serializer writes what Zod writes: the same bytes for representative values of every schema
 * (optional fields present and absent, nulls, every union branch, records, unknown values, keys
 * the schema does not name). Routes whose schema cannot be compiled keep Zod's serializer; they
 * are listed here so a new one is a decision, not an accident.
 */
const keptOnZod: string[] = [];

describeApi('Compiled response serializers', (t) => {
  const successes = () => {
    const all = t.app.responseSerializers.filter((r) => r.status.startsWith('2'));
    expect(all.length).toBeGreaterThan(50);
    return all;
  };

  it('compile every success response but the listed ones', () => {
    const zodOnly = successes()
      .filter((r) => r.zodOnly)
      .map((r) => `${r.method} ${r.url} ${r.status}: ${r.zodOnly}`);
    expect(zodOnly).toEqual(keptOnZod);
  });

  it('write what Zod writes, byte for byte', () => {
    for (const route of successes().filter((r) => !r.zodOnly)) {
      const name = `${route.method} ${route.url} ${route.status}`;
      const fast = compileSchema(route.schema);
      if (typeof fast === 'string') throw new Error(`${name}: ${fast}`);
      let compared = 0;
      let refused = '';
      for (const value of samplesOf(route.schema)) {
        const expected = z.safeEncode(route.schema, value);
        if (!expected.success) {
          refused ||= expected.error.message;
          continue;
        }
        expect(fast(value), `${name} with ${JSON.stringify(value)}`).toBe(JSON.stringify(expected.data));
        compared += 1;
      }
      expect(compared, `${name}: no sample the schema accepts: ${refused}`).toBeGreaterThan(0);
    }
  });

  it('send pre-rendered queue pages as they are', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    const res = await t.request(agent, { method: 'GET', url: '/api/v1/tickets?view=all&limit=5' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const page = res.json() as { data: { id: number; subject: string }[]; nextCursor: string | null };
    expect(page.data.map((row) => [row.id, row.subject])).toEqual([[ticket.id, ticket.subject]]);
  });
});
