import { describe, expect, it } from 'vitest';
import type { PortalTicketDetail } from '../../../contracts/portal';
import type { Ticket } from '../../../contracts/tickets';
import { type Auth, describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { multipart } from '../../../test/helpers/multipart';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('files staff have not sent, and merges across requesters', (t) => {
  async function customer(email: string) {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, name: email.split('@')[0], role: 'customer', password: TEST_PASSWORD },
    });
    return sessionFrom(await t.login(email, TEST_PASSWORD), res.json().id);
  }
  const upload = async (auth: Auth, url: string, name = 'draft.pdf') =>
    (
      await t.request(auth, { method: 'POST', url, ...multipart(name, 'application/pdf', `%PDF ${name}`) })
    ).json() as {
      id: number;
      url: string;
    };

  describe('an unsent staff upload', () => {
    it('is for staff only: the requester can neither download it nor send it as their own', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const draft = await upload(agent, `/api/v1/tickets/${ticket.id}/attachments`, 'internal-draft.pdf');
      const pat = await customer('pat@customer.example');

      expect((await t.request(agent, { method: 'GET', url: draft.url })).statusCode).toBe(200);
      const download = await t.request(pat, { method: 'GET', url: draft.url });
      expect(download.statusCode).toBe(404);
      expect(download.json().error.code).toBe('ATTACHMENT_NOT_FOUND');

      const hijack = await t.request(pat, {
        method: 'POST',
        url: `/api/v1/portal/tickets/${ticket.id}/messages`,
        payload: { body: 'Look what I found', attachmentIds: [draft.id] },
      });
      expect(hijack.statusCode).toBe(400);
      expect(hijack.json().error.code).toBe('VALIDATION_FAILED');
      const portal = (
        await t.request(pat, { method: 'GET', url: `/api/v1/portal/tickets/${ticket.id}` })
      ).json() as PortalTicketDetail;
      expect(JSON.stringify(portal)).not.toContain('internal-draft');
      expect(portal.messages.map((m) => m.html).join()).not.toContain('Look what I found');
      expect((await t.request(pat, { method: 'GET', url: draft.url })).statusCode).toBe(404);

      // Once it goes out with a public reply, the requester may have it.
      await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        payload: { body: 'Here it is', attachmentIds: [draft.id] },
      });
      expect((await t.request(pat, { method: 'GET', url: draft.url })).statusCode).toBe(200);
    });

    it("the requester's own unsent upload is theirs to download and send", async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const pat = await customer('pat@customer.example');
      const mine = await upload(pat, `/api/v1/portal/tickets/${ticket.id}/attachments`, 'photo.pdf');
      expect((await t.request(pat, { method: 'GET', url: mine.url })).statusCode).toBe(200);
      const sent = await t.request(pat, {
        method: 'POST',
        url: `/api/v1/portal/tickets/${ticket.id}/messages`,
        payload: { body: 'Photo attached', attachmentIds: [mine.id] },
      });
      expect(sent.statusCode).toBe(201);
    });
  });

  describe('merging tickets of different requesters', () => {
    async function twoRequesters() {
      const agent = await t.signIn('agent');
      const target = await openTicket(t, agent, { subject: 'Kettle broken' });
      const source = await openTicket(t, agent, {
        subject: 'Kettle broken too',
        requester: { email: 'sam@other.example', name: 'Sam Other' },
        message: { body: 'Sam writes about his own kettle' },
      });
      await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${source.id}/messages`,
        payload: { kind: 'note', body: 'Internal: Sam is a known fraudster' },
      });
      const noteFile = await upload(agent, `/api/v1/tickets/${source.id}/attachments`, 'fraud-report.pdf');
      await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${source.id}/messages`,
        payload: { kind: 'note', body: 'See the report', attachmentIds: [noteFile.id] },
      });
      const draft = await upload(agent, `/api/v1/tickets/${source.id}/attachments`, 'unsent.pdf');
      return { agent, target, source, noteFile, draft };
    }

    it('is refused with 409 unless the agent acknowledges it, and changes nothing', async () => {
      const { agent, target, source } = await twoRequesters();
      const refused = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [source.id] },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'MERGE_REQUESTER_CHANGE',
        details: { tickets: [{ id: source.id, requester: { name: 'Sam Other' } }] },
      });
      const unchanged = (
        await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${source.id}` })
      ).json() as Ticket;
      expect(unchanged.mergedIntoId).toBeNull();
      const ok = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [source.id], acknowledgeRequesterChange: true },
      });
      expect(ok.statusCode).toBe(200);
    });

    it('never shows the moved notes, their files or unsent files to the remaining requester', async () => {
      const { agent, target, source, noteFile, draft } = await twoRequesters();
      await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [source.id], acknowledgeRequesterChange: true },
      });
      const pat = await customer('pat@customer.example');
      const detail = (
        await t.request(pat, { method: 'GET', url: `/api/v1/portal/tickets/${target.id}` })
      ).json() as PortalTicketDetail;
      const text = JSON.stringify(detail);
      expect(text).toContain('Sam writes about his own kettle');
      expect(text).not.toContain('fraudster');
      expect(text).not.toContain('See the report');
      expect((await t.request(pat, { method: 'GET', url: noteFile.url })).statusCode).toBe(404);
      expect((await t.request(pat, { method: 'GET', url: draft.url })).statusCode).toBe(404);
    });

    it('the same requester needs no acknowledgement', async () => {
      const agent = await t.signIn('agent');
      const target = await openTicket(t, agent);
      const source = await openTicket(t, agent, { subject: 'Again' });
      const res = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [source.id] },
      });
      expect(res.statusCode).toBe(200);
    });
  });
});
