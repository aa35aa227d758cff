import { expect, it } from 'vitest';
import type { MailRule, MailTemplate } from '../../../contracts/mail';
import { type Auth, describeApi } from '../../../test/helpers/app';

describeApi('mailboxes', (t) => {
  const send = (auth: Auth, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const get = async (auth: Auth, url: string) => (await t.request(auth, { method: 'GET', url })).json();

  it('creates a mailbox with its routing defaults; the IMAP password never comes back', async () => {
    const admin = await t.signIn('admin');
    const team = (await send(admin, 'POST', '/api/v1/teams', { name: 'Returns' })).json();
    const created = await send(admin, 'POST', '/api/v1/mailboxes', {
      address: 'returns@shop.example',
      displayName: 'Shop Returns',
      defaultTeamId: team.id,
      inboundMethod: 'imap',
      imap: { host: 'imap.shop.example', user: 'returns', password: 'secret-imap-pass' },
    });
    expect(created.statusCode).toBe(201);
    const mailbox = created.json();
    expect(mailbox).toMatchObject({
      address: 'returns@shop.example',
      defaultTeam: { id: team.id, name: 'Returns' },
      imap: { host: 'imap.shop.example', port: 993, folder: 'INBOX' },
    });
    expect(JSON.stringify(mailbox)).not.toContain('secret-imap-pass');
    expect(JSON.stringify(await get(admin, `/api/v1/mailboxes/${mailbox.id}`))).not.toContain(
      'secret-imap-pass',
    );
    const taken = await send(admin, 'POST', '/api/v1/mailboxes', {
      address: 'RETURNS@shop.example',
      displayName: 'Again',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('MAILBOX_ADDRESS_TAKEN');
  });

  it('edits and deletes a mailbox; unknown ones answer 404', async () => {
    const admin = await t.signIn('admin');
    const { id } = (
      await send(admin, 'POST', '/api/v1/mailboxes', { address: 'help@shop.example', displayName: 'Help' })
    ).json();
    const edited = await send(admin, 'PATCH', `/api/v1/mailboxes/${id}`, {
      displayName: 'Shop Help',
      signature: '— The Shop',
    });
    expect(edited.json()).toMatchObject({ displayName: 'Shop Help', signature: '— The Shop' });
    expect((await send(admin, 'DELETE', `/api/v1/mailboxes/${id}`)).statusCode).toBe(204);
    expect((await get(admin, '/api/v1/mailboxes')).data).toEqual([]);
    const missing = await send(admin, 'PATCH', `/api/v1/mailboxes/${id}`, { displayName: 'X' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('MAILBOX_NOT_FOUND');
  });

  it('refuses an unusable outbound URL or IMAP set-up, and stores nothing', async () => {
    const admin = await t.signIn('admin');
    for (const extra of [
      { smtpUrl: 'http://mail.example' },
      { smtpUrl: 'smtp://mail.example:99999' },
      { inboundMethod: 'imap', imap: { host: '', user: 'x' } },
      { address: 'not-an-address' },
    ]) {
      const res = await send(admin, 'POST', '/api/v1/mailboxes', {
        address: 'a@shop.example',
        displayName: 'A',
        ...extra,
      });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await get(admin, '/api/v1/mailboxes')).data).toEqual([]);
  });

  it('keeps spam rules: sender rules name no header, header rules do', async () => {
    const admin = await t.signIn('admin');
    const rule = await send(admin, 'POST', '/api/v1/mail-rules', {
      kind: 'block_sender',
      pattern: 'Spam@Bulk.example',
    });
    expect(rule.statusCode).toBe(201);
    expect(rule.json()).toMatchObject({ kind: 'block_sender', pattern: 'spam@bulk.example', header: null });
    const mixed = await send(admin, 'POST', '/api/v1/mail-rules', {
      kind: 'block_sender',
      header: 'x-spam',
      pattern: 'yes',
    });
    expect(mixed.statusCode).toBe(400);
    const header = await send(admin, 'POST', '/api/v1/mail-rules', {
      kind: 'header',
      header: 'X-Spam-Flag',
      pattern: 'yes',
    });
    expect(header.json()).toMatchObject({ header: 'x-spam-flag' });
    const rules = (await get(admin, '/api/v1/mail-rules')).data as MailRule[];
    expect(rules.map((r) => r.kind).sort()).toEqual(['block_sender', 'header']);
    expect((await send(admin, 'DELETE', `/api/v1/mail-rules/${rule.json().id}`)).statusCode).toBe(204);
    expect((await send(admin, 'DELETE', `/api/v1/mail-rules/${rule.json().id}`)).statusCode).toBe(404);
  });

  it('edits a template, previews it with values escaped, and resets the sender limit', async () => {
    const admin = await t.signIn('admin');
    const templates = (await get(admin, '/api/v1/mail-templates')).data as MailTemplate[];
    expect(templates.every((x) => x.isDefault)).toBe(true);
    const edited = await send(admin, 'PATCH', '/api/v1/mail-templates/agent_replied', {
      subject: 'New answer on #{{ticket.id}}',
    });
    expect(edited.json()).toMatchObject({
      key: 'agent_replied',
      isDefault: false,
      subject: 'New answer on #{{ticket.id}}',
    });
    const preview = await send(admin, 'POST', '/api/v1/mail-templates/agent_replied/preview', {
      subject: 'Re: {{ticket.subject}}',
      body: 'Hello {{customer.name}}',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().html).not.toMatch(/<script/i);
    expect((await send(admin, 'PATCH', '/api/v1/mail-templates/nope', { subject: 'x' })).statusCode).toBe(
      400,
    );
    const limit = await send(admin, 'PATCH', '/api/v1/settings/mail', { senderLimitPerHour: 40 });
    expect(limit.json()).toEqual({ senderLimitPerHour: 40 });
    expect((await send(admin, 'PATCH', '/api/v1/settings/mail', { senderLimitPerHour: 0 })).statusCode).toBe(
      400,
    );
    expect(await get(admin, '/api/v1/settings/mail')).toEqual({ senderLimitPerHour: 40 });
  });

  it('mail set-up is for admins only', async () => {
    for (const role of ['agent', 'manager', 'customer'] as const) {
      const who = await t.signIn(role);
      for (const url of [
        '/api/v1/mailboxes',
        '/api/v1/mail-rules',
        '/api/v1/mail-templates',
        '/api/v1/settings/mail',
      ]) {
        expect((await t.request(who, { method: 'GET', url })).statusCode, `${role} ${url}`).toBe(403);
      }
      const created = await send(who, 'POST', '/api/v1/mailboxes', {
        address: 'x@shop.example',
        displayName: 'X',
      });
      expect(created.statusCode).toBe(403);
    }
    expect(
      (await t.request({ kind: 'anonymous' }, { method: 'GET', url: '/api/v1/mailboxes' })).statusCode,
    ).toBe(401);
    const admin = await t.signIn('admin');
    expect((await get(admin, '/api/v1/mailboxes')).data).toEqual([]);
  });
});
