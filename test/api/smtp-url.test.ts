import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app';

/** A mailbox's outbound SMTP URL is parsed when it is saved, so a bad one never reaches sending. */
const bad: Record<string, string> = {
  'port too large': 'smtp://mail.example.com:99999',
  'port zero': 'smtp://mail.example.com:0',
  'port not a number': 'smtp://mail.example.com:abc',
  'other scheme': 'http://mail.example.com',
  'no host': 'smtp://:25',
  'user but no host': 'smtp://user@',
  'space in host': 'smtp://mail example.com',
  'line break': 'smtp://mail.example.com\n:25',
  'path after host': 'smtp://mail.example.com/x',
  'broken percent-encoding': 'smtp://%zz:secret@mail.example.com',
  'not a URL': 'mail.example.com:25',
};

describeApi('mailbox SMTP URL', (t) => {
  it('refuses URLs it cannot send through, naming the field', async () => {
    const admin = await t.signIn('admin');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: { address: 'help@example.com', displayName: 'Help' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    for (const [label, smtpUrl] of Object.entries(bad)) {
      for (const [method, url, payload] of [
        ['POST', '/api/v1/mailboxes', { address: 'other@example.com', displayName: 'Other', smtpUrl }],
        ['PATCH', `/api/v1/mailboxes/${id}`, { smtpUrl }],
      ] as const) {
        const res = await t.request(admin, { method, url, payload });
        expect(res.statusCode, `${method} ${label}: ${res.body}`).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details[0].path).toEqual(['body', 'smtpUrl']);
      }
    }
    const list = await t.request(admin, { method: 'GET', url: '/api/v1/mailboxes' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data).toHaveLength(1);
  });

  it('keeps URLs that parse', async () => {
    const admin = await t.signIn('admin');
    for (const [smtpUrl, host, port] of [
      ['smtp://out%40example.com:s%3Acret@mail.example.com:587', 'mail.example.com', 587],
      ['smtps://mail.example.com', 'mail.example.com', null],
      ['smtp://[::1]:2525', '[::1]', 2525],
    ] as const) {
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/mailboxes',
        payload: { address: `box${port ?? 0}@example.com`, displayName: 'Box', smtpUrl },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().smtp).toMatchObject({ host, port });
    }
  });
});
