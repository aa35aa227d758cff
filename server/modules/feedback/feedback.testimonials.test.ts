import { expect, it } from 'vitest';
import type { PublicTestimonial, Testimonial, TestimonialExportItem } from '../../../contracts/testimonials';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { sendDueCampaigns } from './feedback.campaigns';
import { sendDueSurveys } from './feedback.surveys';
import { sendDueTestimonialRequests } from './feedback.testimonials';

const anonymous: Auth = { kind: 'anonymous' };
const HOUR = 3_600_000;

describeApi('feedback: testimonial requests and consent', (t) => {
  const send = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const config = () => testConfig(t.dataDir);
  /** The job as it runs an hour after the answers (requests wait a few minutes for a changed answer). */
  const requestJob = () => sendDueTestimonialRequests(t.handle.db, config(), Date.now() + HOUR);
  let seq = 0;

  /** Customers (with a ticket each) asked by one NPS campaign; answers the token of each one's link. */
  async function npsLinks(manager: Auth, agent: Auth, tag: string, count: number) {
    const emails: string[] = [];
    for (let i = 0; i < count; i += 1) {
      seq += 1;
      const email = `${tag}.${seq}@quote.example`;
      const ticket = await openTicket(t, agent, { requester: { email, name: `Robin Quoteworthy ${seq}` } });
      await t.handle.db
        .updateTable('customers')
        .set({ tags: JSON.stringify([tag]) })
        .where('id', '=', ticket.requester.id)
        .execute();
      emails.push(email);
    }
    const created = await send(manager, 'POST', '/api/v1/nps-campaigns', {
      name: `Campaign ${tag}`,
      segment: { tags: [tag] },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      status: 'active',
    });
    expect(created.statusCode, created.body).toBe(201);
    await sendDueCampaigns(t.handle.db, config());
    const rows = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'text_body'])
      .where('kind', '=', 'nps_campaign')
      .where('to_address', 'like', `${tag}.%`)
      .execute();
    return emails.map((email) => {
      const row = rows.find((r) => r.to_address === email);
      return /\/nps\/([A-Za-z0-9_-]+)/.exec(row?.text_body ?? '')?.[1] ?? '';
    });
  }

  async function requestMails(emailLike: string) {
    const rows = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body', 'html_body'])
      .where('kind', '=', 'testimonial_request')
      .where('to_address', 'like', emailLike)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, token: /\/testimonial\/([A-Za-z0-9_-]+)/.exec(r.text_body)?.[1] ?? '' }));
  }

  it('asks a promoter with a comment once, by the job, and skips the unsubscribed, the silent and the detractors', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await send(manager, 'PATCH', '/api/v1/nps-settings', { company: 'Acme Tools' });
    const [happy, silent, gone, unhappy] = await npsLinks(manager, agent, 'promo', 4);
    const answer = (token: string | undefined, body: object) =>
      send(anonymous, 'PUT', `/api/v1/public/nps/${token}/answer`, body);
    expect((await answer(happy, { score: 10, comment: 'Brilliant <b>support</b>' })).statusCode).toBe(200);
    await answer(silent, { score: 10 });
    await send(anonymous, 'POST', `/api/v1/public/unsubscribe/${gone}`);
    await answer(gone, { score: 9, comment: 'Great, but no more mail please' });
    await answer(unhappy, { score: 4, comment: 'Slow' });

    // Nothing goes at the moment of the answer: the job sends, a little later.
    expect(await sendDueTestimonialRequests(t.handle.db, config())).toBe(0);
    expect(await requestJob()).toBe(2);
    expect(await requestJob()).toBe(0);
    const mails = await requestMails('promo.%');
    expect(mails.map((m) => m.to_address)).toEqual([`promo.${seq - 3}@quote.example`]);
    expect(mails[0]!.subject).toBe(`May we quote you, Robin Quoteworthy ${seq - 3}?`);
    expect(mails[0]!.text_body).toContain('"Brilliant <b>support</b>"');
    expect(mails[0]!.html_body).not.toContain('<b>support');
    const stored = await t.handle.db.selectFrom('testimonials').select(['state', 'token_hash']).execute();
    expect(stored.map((s) => s.state).sort()).toEqual(['requested', 'skipped']);
    expect(stored.map((s) => s.token_hash)).not.toContain(mails[0]!.token);

    // Answering again (still a promoter) never asks twice.
    await answer(happy, { score: 9, comment: 'Still brilliant' });
    expect(await requestJob()).toBe(0);
    expect(await requestMails('promo.%')).toHaveLength(1);

    const list = (await send(manager, 'GET', '/api/v1/testimonials')).json() as { data: Testimonial[] };
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      source: 'nps',
      state: 'requested',
      quote: 'Brilliant <b>support</b>',
      score: 10,
      consentedAt: null,
    });
  });

  it('records consent only on the page POST, with the wording shown, the name chosen and the time; exports exactly what was agreed', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await send(manager, 'PATCH', '/api/v1/nps-settings', { company: 'Acme Tools' });
    await send(manager, 'PATCH', '/api/v1/testimonial-settings', {
      subject: 'A favour, {{customer.name}}?',
      consentWording: '{company} may quote me, word for word.',
    });
    const org = (
      await send(manager, 'POST', '/api/v1/organizations', { name: 'Quote "Co", Ltd' })
    ).json() as {
      id: number;
    };
    const [token, other] = await npsLinks(manager, agent, 'consent', 2);
    await t.handle.db
      .updateTable('nps_recipients')
      .set({ organization_id: org.id })
      .where('token_hash', 'is not', null)
      .execute();
    const quote = '=HYPERLINK("x") Fast, kind, and "spot on", every time.';
    await send(anonymous, 'PUT', `/api/v1/public/nps/${token}/answer`, { score: 10, comment: quote });
    await send(anonymous, 'PUT', `/api/v1/public/nps/${other}/answer`, {
      score: 9,
      comment: 'Lovely people',
    });
    await requestJob();
    const mails = await requestMails('consent.%');
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toMatch(/^A favour, Robin Quoteworthy \d+\?$/);
    const link = mails[0]!.token;

    // Opening the link (a mail scanner) records nothing.
    const view = await send(anonymous, 'GET', `/api/v1/public/testimonials/${link}`);
    expect(view.statusCode, view.body).toBe(200);
    const page = view.json() as PublicTestimonial;
    expect(page).toMatchObject({
      quote,
      consentWording: 'Acme Tools may quote me, word for word.',
      state: 'requested',
      displayAs: null,
      expired: false,
    });
    expect(page.choices.map((c) => c.value)).toEqual(['full', 'first_org', 'anonymous']);
    const untouched = await t.handle.db
      .selectFrom('testimonials')
      .select(['state', 'consented_at'])
      .execute();
    expect(untouched.every((r) => r.state === 'requested' && r.consented_at === null)).toBe(true);

    // A tampered or unknown token finds nothing.
    const tampered = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
    const bad = await send(anonymous, 'POST', `/api/v1/public/testimonials/${tampered}`, {
      decision: 'approve',
      displayAs: 'full',
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.code).toBe('TESTIMONIAL_LINK_NOT_FOUND');
    const noName = await send(anonymous, 'POST', `/api/v1/public/testimonials/${link}`, {
      decision: 'approve',
    });
    expect(noName.statusCode).toBe(400);

    const approved = await send(anonymous, 'POST', `/api/v1/public/testimonials/${link}`, {
      decision: 'approve',
      displayAs: 'full',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const before = await t.handle.db
      .selectFrom('testimonials')
      .selectAll()
      .where('state', '=', 'approved')
      .executeTakeFirstOrThrow();
    expect(before.consent_wording).toBe('Acme Tools may quote me, word for word.');
    expect(before.consented_at).not.toBeNull();
    // A second POST changes the choice in place: still one testimonial.
    const again = await send(anonymous, 'POST', `/api/v1/public/testimonials/${link}`, {
      decision: 'approve',
      displayAs: 'first_org',
    });
    expect((again.json() as PublicTestimonial).displayAs).toBe('first_org');
    const rows = await t.handle.db
      .selectFrom('testimonials')
      .selectAll()
      .where('state', '=', 'approved')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      display_name: 'Robin',
      display_organization: 'Quote "Co", Ltd',
      display_as: 'first_org',
    });

    // The other customer declines; declining is not withdrawing.
    const declined = await send(anonymous, 'POST', `/api/v1/public/testimonials/${mails[1]!.token}`, {
      decision: 'decline',
    });
    expect((declined.json() as PublicTestimonial).state).toBe('declined');
    const cannot = await send(anonymous, 'POST', `/api/v1/public/testimonials/${mails[1]!.token}`, {
      decision: 'withdraw',
    });
    expect(cannot.statusCode).toBe(409);

    const json = await send(manager, 'GET', '/api/v1/testimonials/export?format=json');
    expect(json.statusCode, json.body).toBe(200);
    const items = json.json() as TestimonialExportItem[];
    expect(items).toEqual([
      {
        id: rows[0]!.id,
        quote,
        displayName: 'Robin',
        organization: 'Quote "Co", Ltd',
        source: 'nps',
        consentedAt: rows[0]!.consented_at,
        consentWording: 'Acme Tools may quote me, word for word.',
      },
    ]);
    const csv = await send(manager, 'GET', '/api/v1/testimonials/export?format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      '\uFEFFID,Quote,Name shown,Organisation shown,Source,Consent given (UTC),Consent wording\r\n' +
        `${rows[0]!.id},"'=HYPERLINK(""x"") Fast, kind, and ""spot on"", every time.",Robin,"Quote ""Co"", Ltd",nps,${rows[0]!.consented_at},"Acme Tools may quote me, word for word."\r\n`,
    );

    // Unpublishing takes it off the export without touching the words.
    const id = rows[0]!.id;
    const hidden = await send(manager, 'PATCH', `/api/v1/testimonials/${id}`, { published: false });
    expect(hidden.json()).toMatchObject({ published: false, quote, state: 'approved' });
    expect((await send(manager, 'GET', '/api/v1/testimonials/export?format=json')).json()).toEqual([]);
    await send(manager, 'PATCH', `/api/v1/testimonials/${id}`, { published: true });

    // The link expires for approving, but still withdraws; withdrawal leaves the export.
    await t.handle.db
      .updateTable('testimonials')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const late = await send(anonymous, 'POST', `/api/v1/public/testimonials/${link}`, {
      decision: 'approve',
      displayAs: 'full',
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('TESTIMONIAL_LINK_EXPIRED');
    const withdrawn = await send(anonymous, 'POST', `/api/v1/public/testimonials/${link}`, {
      decision: 'withdraw',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((withdrawn.json() as PublicTestimonial).state).toBe('withdrawn');
    expect((await send(manager, 'GET', '/api/v1/testimonials/export?format=json')).json()).toEqual([]);
    const byState = async (state: string) =>
      ((await send(manager, 'GET', `/api/v1/testimonials?state=${state}`)).json() as { data: Testimonial[] })
        .data;
    expect((await byState('withdrawn')).map((x) => x.id)).toEqual([id]);
    expect(await byState('approved')).toEqual([]);
    expect(await byState('declined')).toHaveLength(1);
    expect((await byState('withdrawn'))[0]!.withdrawnAt).not.toBeNull();
  });

  it('shows an unanswered request past its link as expired', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const [token] = await npsLinks(manager, agent, 'expiry', 1);
    await send(anonymous, 'PUT', `/api/v1/public/nps/${token}/answer`, { score: 10, comment: 'Top' });
    await requestJob();
    await t.handle.db
      .updateTable('testimonials')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const expired = (await send(manager, 'GET', '/api/v1/testimonials?state=expired&source=nps')).json();
    expect(expired.data).toHaveLength(1);
    expect(expired.data[0].state).toBe('expired');
    expect((await send(manager, 'GET', '/api/v1/testimonials?state=requested')).json().data).toEqual([]);
    expect((await send(manager, 'GET', '/api/v1/testimonials?source=csat')).json().data).toEqual([]);
    const [mail] = await requestMails('expiry.%');
    const view = (await send(anonymous, 'GET', `/api/v1/public/testimonials/${mail!.token}`)).json();
    expect(view.expired).toBe(true);
  });

  it('asks a five-star CSAT answer with a comment, and respects the frequency cap per customer', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await send(manager, 'PATCH', '/api/v1/surveys/settings', { delayMinutes: 0, scale: 'five' });
    const surveyed = async () => {
      const ticket = await openTicket(t, agent, {
        requester: { email: 'cap@quote.example', name: 'Cap Tain' },
      });
      await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
        assigneeId: (agent as { userId: number }).userId,
        status: 'solved',
      });
      await sendDueSurveys(t.handle.db, config());
      const mail = await t.handle.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('ticket_id', '=', ticket.id)
        .where('subject', 'like', 'How did we do%')
        .executeTakeFirstOrThrow();
      return /\/survey\/([A-Za-z0-9_-]+)\?rating=/.exec(mail.text_body)?.[1] ?? '';
    };
    const first = await surveyed();
    const second = await surveyed();
    await send(anonymous, 'PUT', `/api/v1/public/surveys/${first}/answer`, {
      rating: 5,
      comment: 'Superb help',
    });
    await send(anonymous, 'PUT', `/api/v1/public/surveys/${second}/answer`, {
      rating: 5,
      comment: 'Again superb',
    });
    expect(await requestJob()).toBe(2);
    const mails = await requestMails('cap@quote.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain('Superb help');
    const states = await t.handle.db
      .selectFrom('testimonials')
      .select(['source_kind', 'state'])
      .orderBy('id')
      .execute();
    expect(states).toEqual([
      { source_kind: 'csat', state: 'requested' },
      { source_kind: 'csat', state: 'skipped' },
    ]);
  });
});
