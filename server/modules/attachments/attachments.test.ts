import { expect, it } from 'vitest';
import { describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { multipart } from '../../../test/helpers/multipart';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('attachments', (t) => {
  it('stores a file, attaches it to a reply and serves it to staff and the requester only', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    const upload = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments`,
      ...multipart('receipt.pdf', 'application/pdf', Buffer.from('%PDF-1.4 test')),
    });
    expect(upload.statusCode).toBe(201);
    const attachment = upload.json();
    expect(attachment).toMatchObject({ filename: 'receipt.pdf', size: 13, contentType: 'application/pdf' });
    const reply = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'Here is your receipt', attachmentIds: [attachment.id] },
    });
    expect(reply.json().attachments).toHaveLength(1);
    const download = await t.request(agent, { method: 'GET', url: attachment.url });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('%PDF-1.4 test');
    expect(download.headers['content-disposition']).toContain('attachment');

    const admin = await t.signIn('admin');
    const createCustomer = async (email: string) => {
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/users',
        payload: { email, name: 'Cust', role: 'customer', password: TEST_PASSWORD },
      });
      return sessionFrom(await t.login(email, TEST_PASSWORD), res.json().id);
    };
    const owner = await createCustomer('pat@customer.example');
    expect((await t.request(owner, { method: 'GET', url: attachment.url })).statusCode).toBe(200);
    const stranger = await createCustomer('stranger@else.example');
    expect((await t.request(stranger, { method: 'GET', url: attachment.url })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: attachment.url })).statusCode).toBe(401);

    const photo = await t.request(owner, {
      method: 'POST',
      url: `/api/v1/portal/tickets/${ticket.id}/attachments`,
      ...multipart('photo.png', 'image/png', Buffer.from('png-bytes')),
    });
    expect(photo.statusCode).toBe(201);
    const sent = await t.request(owner, {
      method: 'POST',
      url: `/api/v1/portal/tickets/${ticket.id}/messages`,
      payload: { body: 'Photo of the damage', attachmentIds: [photo.json().id] },
    });
    expect(sent.json().messages.at(-1).attachments).toHaveLength(1);
    const intrude = await t.request(stranger, {
      method: 'POST',
      url: `/api/v1/portal/tickets/${ticket.id}/attachments`,
      ...multipart('x.png', 'image/png', Buffer.from('x')),
    });
    expect(intrude.statusCode).toBe(404);
  });

  it('refuses forbidden types and oversized files and keeps nothing', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    const exe = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments`,
      ...multipart('setup.exe', 'application/octet-stream', Buffer.from('MZ')),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const svg = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments`,
      ...multipart('logo.svg', 'image/svg+xml', Buffer.from('<svg/>')),
    });
    expect(svg.statusCode).toBe(415);
    const big = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments`,
      ...multipart('huge.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 10, 1)),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(await t.handle.db.selectFrom('attachments').select('id').execute()).toHaveLength(0);
    const other = await openTicket(t, agent);
    const foreign = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${other.id}/attachments`,
      ...multipart('a.txt', 'text/plain', Buffer.from('hi')),
    });
    const misuse = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'x', attachmentIds: [foreign.json().id] },
    });
    expect(misuse.statusCode).toBe(400);
  });
});
