import { expect, it } from 'vitest';
import { type Auth, describeApi } from '../helpers/app';

/**
 * Names, subjects and titles refuse control characters, broken characters and text that
 * shows nothing; bodies keep their line breaks but refuse other control characters. Each
 * refusal is a 400 naming the field, and nothing is written.
 */
type Method = 'POST' | 'PATCH';
interface Case {
  method: Method;
  url: string;
  who: 'admin' | 'customer' | 'anonymous';
  body: Record<string, unknown>;
  /** Path to the field inside the body. */
  field: string[];
  /** The field may be left empty, so blank space is read as empty rather than refused. */
  blankAllowed?: boolean;
}

const requester = { email: 'req@example.com', name: 'Requester' };
const nameCases: Case[] = [
  { method: 'PATCH', url: '/api/v1/me', who: 'admin', body: {}, field: ['name'] },
  {
    method: 'POST',
    url: '/api/v1/users',
    who: 'admin',
    body: { email: 'u@example.com', role: 'agent' },
    field: ['name'],
  },
  { method: 'POST', url: '/api/v1/teams', who: 'admin', body: {}, field: ['name'] },
  { method: 'POST', url: '/api/v1/api-tokens', who: 'admin', body: { role: 'agent' }, field: ['name'] },
  { method: 'POST', url: '/api/v1/customers', who: 'admin', body: {}, field: ['name'] },
  { method: 'POST', url: '/api/v1/organizations', who: 'admin', body: {}, field: ['name'] },
  {
    method: 'POST',
    url: '/api/v1/tickets',
    who: 'admin',
    body: { requester, message: { body: 'Hello' } },
    field: ['subject'],
  },
  {
    method: 'POST',
    url: '/api/v1/tickets',
    who: 'admin',
    body: { subject: 'Hi', requester, message: { body: 'Hello' } },
    field: ['requester', 'name'],
    blankAllowed: true,
  },
  { method: 'POST', url: '/api/v1/categories', who: 'admin', body: {}, field: ['name'] },
  {
    method: 'POST',
    url: '/api/v1/custom-fields',
    who: 'admin',
    body: { key: 'plan', type: 'text' },
    field: ['label'],
  },
  { method: 'POST', url: '/api/v1/views', who: 'admin', body: {}, field: ['name'] },
  {
    method: 'POST',
    url: '/api/v1/mailboxes',
    who: 'admin',
    body: { address: 'help@example.com' },
    field: ['displayName'],
  },
  {
    method: 'PATCH',
    url: '/api/v1/mail-templates/ticket_received',
    who: 'admin',
    body: {},
    field: ['subject'],
  },
  {
    method: 'POST',
    url: '/api/v1/mail-rules',
    who: 'admin',
    body: { kind: 'block_sender', pattern: '@spam.example' },
    field: ['note'],
    blankAllowed: true,
  },
  {
    method: 'POST',
    url: '/api/v1/portal/tickets',
    who: 'customer',
    body: { body: 'Please help' },
    field: ['subject'],
  },
  {
    method: 'POST',
    url: '/api/v1/public/contact',
    who: 'anonymous',
    body: { email: 'c@example.com', subject: 'Hi', message: 'Hello' },
    field: ['name'],
  },
  {
    method: 'POST',
    url: '/api/v1/public/contact',
    who: 'anonymous',
    body: { name: 'C', email: 'c@example.com', message: 'Hello' },
    field: ['subject'],
  },
];

/** Everything a name must refuse, by what it is. */
const badNames: Record<string, string> = {
  NUL: 'Ann\u0000Lee',
  escape: 'Ann \u001b[31mLee',
  'line break': 'Ann\nLee',
  C1: 'Ann\u0085Lee',
  DEL: 'Ann\u007fLee',
  'lone surrogate': 'Ann \ud83d',
  'zero-width only': '\u200b\u200c\u200d',
  'BOM and zero-width': '\ufeff\u200b',
  'bidi marks only': '\u200e\u200f\u202e',
  'white space only': ' \t\u00a0\u3000 ',
  'Hangul filler only': '\u3164',
};

const bodyCases: Case[] = [
  {
    method: 'POST',
    url: '/api/v1/tickets',
    who: 'admin',
    body: { subject: 'Hi', requester },
    field: ['message', 'body'],
  },
  {
    method: 'POST',
    url: '/api/v1/public/contact',
    who: 'anonymous',
    body: { name: 'C', email: 'c@example.com', subject: 'Hi' },
    field: ['message'],
  },
];

function withField(body: Record<string, unknown>, field: string[], value: string): Record<string, unknown> {
  const [head, ...rest] = field;
  if (!head) return body;
  if (rest.length === 0) return { ...body, [head]: value };
  const inner = (body[head] as Record<string, unknown> | undefined) ?? {};
  return { ...body, [head]: withField(inner, rest, value) };
}

describeApi('text input', (t) => {
  async function auditCount() {
    const row = await t.handle.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function as(who: Case['who']): Promise<Auth> {
    if (who === 'anonymous') return { kind: 'anonymous' };
    return t.signIn(who);
  }

  async function expectRefused(auth: Auth, c: Case, value: string, label: string) {
    const payload = withField(c.body, c.field, value);
    const res = await t.request(auth, { method: c.method, url: c.url, payload });
    expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
    const error = res.json().error;
    expect(error.code, label).toBe('VALIDATION_FAILED');
    const paths = (error.details as { path: (string | number)[] }[]).map((d) => d.path.join('.'));
    expect(paths, label).toContain(['body', ...c.field].join('.'));
  }

  it.each(nameCases)('$method $url refuses invisible or control characters in $field', async (c) => {
    const auth = await as(c.who);
    const before = await auditCount();
    for (const [label, value] of Object.entries(badNames)) {
      if (c.blankAllowed && label === 'white space only') continue;
      await expectRefused(auth, c, value, label);
    }
    expect(await auditCount()).toBe(before);
  });

  it.each(bodyCases)('$method $url keeps line breaks in $field but refuses NUL', async (c) => {
    const auth = await as(c.who);
    for (const [label, value] of Object.entries({
      NUL: 'Hello\u0000there',
      escape: 'Hello \u001b[2J',
      'vertical tab': 'Hello\u000bthere',
      'lone surrogate': 'Hello \udc00',
      'zero-width only': '\u200b\u200b',
    })) {
      await expectRefused(auth, c, value, label);
    }
    const fine = await t.request(auth, {
      method: c.method,
      url: c.url,
      payload: withField(c.body, c.field, 'Line one\r\nLine two\n\tindented 🎉'),
    });
    expect(fine.statusCode, fine.body).toBeLessThan(300);
  });

  it('accepts names in any script, with emoji and joined emoji', async () => {
    const admin = await t.signIn('admin');
    for (const name of ['Zoë Ångström', 'محمد علي', '👩‍💻 Dev Team', 'e\u0301mile']) {
      const res = await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().name).toBe(name);
    }
  });

  it('refuses a NUL byte in a search', async () => {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, { method: 'GET', url: '/api/v1/customers?q=a%00b' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
