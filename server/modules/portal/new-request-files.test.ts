import { expect, it } from 'vitest';
import type { PortalTicketDetail } from '../../../contracts/portal';
import type { Attachment } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { multipart } from '../../../test/helpers/multipart';
import { WAITING_FILES_PER_DAY } from '../attachments';

describeApi('files on a new request in the portal', (t) => {
  const upload = (auth: Auth, name: string, type = 'application/pdf') =>
    t.request(auth, {
      method: 'POST',
      url: '/api/v1/portal/attachments',
      ...multipart(name, type, `%PDF ${name}`),
    });
  const send = (auth: Auth, attachmentIds: number[]) =>
    t.request(auth, {
      method: 'POST',
      url: '/api/v1/portal/tickets',
      payload: { subject: 'The invoice is wrong', body: 'See the files.', attachmentIds },
    });
  const ticketCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('go with the request on its first message, for the customer and staff to open', async () => {
    const customer = await t.signIn('customer');
    const agent = await t.signIn('agent');
    const first = await upload(customer, 'invoice.pdf');
    const second = await upload(customer, 'photo.png', 'image/png');
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    const files = [first.json() as Attachment, second.json() as Attachment];

    // Before the request is sent a waiting file is its uploader's alone.
    expect((await t.request(customer, { method: 'GET', url: files[0]!.url })).statusCode).toBe(200);
    expect((await t.request(agent, { method: 'GET', url: files[0]!.url })).statusCode).toBe(404);
    const stranger = await t.signIn('customer');
    expect((await t.request(stranger, { method: 'GET', url: files[0]!.url })).statusCode).toBe(404);

    const created = await send(
      customer,
      files.map((f) => f.id),
    );
    expect(created.statusCode, created.body).toBe(201);
    const detail = created.json() as PortalTicketDetail;
    expect(detail.messages).toHaveLength(1);
    expect(detail.messages[0]!.attachments.map((a) => a.filename).sort()).toEqual([
      'invoice.pdf',
      'photo.png',
    ]);

    const conversation = await t.request(agent, {
      method: 'GET',
      url: `/api/v1/tickets/${detail.id}/messages`,
    });
    expect(JSON.stringify(conversation.json())).toContain('invoice.pdf');
    expect((await t.request(agent, { method: 'GET', url: files[0]!.url })).statusCode).toBe(200);
    expect((await t.request(stranger, { method: 'GET', url: files[0]!.url })).statusCode).toBe(404);
  });

  it('are refused when already sent or someone else’s, and then no request is opened', async () => {
    const customer = await t.signIn('customer');
    const other = await t.signIn('customer');
    const mine = (await upload(customer, 'mine.pdf')).json() as Attachment;
    const theirs = (await upload(other, 'theirs.pdf')).json() as Attachment;
    expect((await send(customer, [mine.id])).statusCode).toBe(201);

    const before = await ticketCount();
    for (const ids of [[mine.id], [theirs.id], [999_999]]) {
      const res = await send(customer, ids);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toEqual([{ path: ['attachmentIds'], message: 'Not attachable' }]);
    }
    expect(await ticketCount()).toBe(before);
    // The other customer's file still waits for their own request.
    expect((await send(other, [theirs.id])).statusCode).toBe(201);
  });

  it('keep the attachment limits: refused types, and files left waiting per day', async () => {
    const customer = await t.signIn('customer');
    const program = await upload(customer, 'setup.exe', 'application/x-msdownload');
    expect(program.statusCode).toBe(415);
    expect(program.json().error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const notMultipart = await t.request(customer, {
      method: 'POST',
      url: '/api/v1/portal/attachments',
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(415);

    for (let i = 0; i < WAITING_FILES_PER_DAY; i += 1)
      expect((await upload(customer, `page-${i}.pdf`)).statusCode).toBe(201);
    const tooMany = await upload(customer, 'one-more.pdf');
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().error.code).toBe('RATE_LIMITED');
    // Another customer is not held back by it.
    expect((await upload(await t.signIn('customer'), 'fine.pdf')).statusCode).toBe(201);
  });
});
