import { expect, it } from 'vitest';
import type { SurveyAnswer } from '../../../contracts/feedback';
import type { FollowUp, FollowUpDetail, MyScores } from '../../../contracts/feedback-loop';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { sendDueSurveys } from './feedback.surveys';

const anonymous: Auth = { kind: 'anonymous' };

describeApi('feedback: sentiment, themes, follow-ups, own scores', (t) => {
  const send = (
    auth: Auth,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  /** A team led by `lead`, the agent solving a ticket of it, and the survey's token. */
  async function answeredSetup(scale: 'binary' | 'five' = 'five') {
    const manager = await t.signIn('manager');
    expect(
      (await send(manager, 'PATCH', '/api/v1/surveys/settings', { delayMinutes: 0, scale })).statusCode,
    ).toBe(200);
    const lead = await t.signIn('agent', { name: 'Lena Lead', email: 'lena@steward.test' });
    const agent = await t.signIn('agent', { name: 'Amara Okafor', email: 'amara@steward.test' });
    const other = await t.signIn('agent', { name: 'Omar Other', email: 'omar@steward.test' });
    const team = await send(manager, 'POST', '/api/v1/teams', {
      name: 'Billing',
      leadId: lead.userId,
      memberIds: [lead.userId, agent.userId],
    });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().id as number;
    const ticket = await openTicket(t, agent, {
      requester: { email: 'robin@shop.example', name: 'Robin Shopper' },
    });
    const solved = await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
      teamId,
      assigneeId: agent.userId,
      status: 'solved',
    });
    expect(solved.statusCode, solved.body).toBe(200);
    await sendDueSurveys(t.handle.db, testConfig(t.dataDir));
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('ticket_id', '=', ticket.id)
      .where('subject', 'like', 'How did we do%')
      .executeTakeFirstOrThrow();
    const token = /\/survey\/([A-Za-z0-9_-]+)\?rating=/.exec(mail.text_body)![1]!;
    const answer = (body: object) => send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, body);
    return { manager, lead, agent, other, teamId, ticket, answer };
  }

  const followUpRows = () => t.handle.db.selectFrom('follow_ups').selectAll().execute();

  it('scores sentiment, tags themes by rule and by hand, and filters the inbox by both', async () => {
    const { manager, answer } = await answeredSetup();
    const slow = await send(manager, 'POST', '/api/v1/feedback/themes', { name: 'Slow' });
    expect(slow.statusCode, slow.body).toBe(201);
    const billing = (await send(manager, 'POST', '/api/v1/feedback/themes', { name: 'Billing' })).json();
    const dup = await send(manager, 'POST', '/api/v1/feedback/themes', { name: 'Slow' });
    expect(dup.statusCode).toBe(409);
    const rule = await send(manager, 'POST', '/api/v1/feedback/theme-rules', {
      themeId: slow.json().id,
      phrases: ['Took ages', 'slow'],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(rule.json().phrases).toEqual(['took ages', 'slow']);

    expect(
      (await answer({ rating: 4, comment: 'It took ages, but the agent was great and helpful.' })).statusCode,
    ).toBe(200);
    let inbox = (await send(manager, 'GET', '/api/v1/survey-answers')).json();
    const a = inbox.data[0] as SurveyAnswer;
    expect(a.sentiment?.label).toBe('positive');
    expect(a.themes).toEqual([{ id: slow.json().id, name: 'Slow', source: 'rule' }]);
    expect(inbox.summary.sentiments).toEqual({ negative: 0, neutral: 0, positive: 1 });
    expect(inbox.summary.themes).toEqual([{ id: slow.json().id, name: 'Slow', count: 1 }]);

    const tagged = await send(manager, 'PUT', `/api/v1/survey-answers/${a.id}/themes/${billing.id}`);
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect((tagged.json() as SurveyAnswer).themes.map((x) => x.name)).toEqual(['Billing', 'Slow']);
    const missing = await send(manager, 'PUT', `/api/v1/survey-answers/${a.id}/themes/999999`);
    expect(missing.statusCode).toBe(404);

    // Changing the answer scores it again and re-applies the rules; the hand tag stays.
    expect((await answer({ rating: 4, comment: 'Awful, useless and rude.' })).statusCode).toBe(200);
    inbox = (await send(manager, 'GET', '/api/v1/survey-answers?sentiment=negative')).json();
    expect(inbox.data).toHaveLength(1);
    expect(inbox.data[0].themes.map((x: { name: string }) => x.name)).toEqual(['Billing']);
    expect(
      (await send(manager, 'GET', '/api/v1/survey-answers?sentiment=positive')).json().data,
    ).toHaveLength(0);
    expect(
      (await send(manager, 'GET', `/api/v1/survey-answers?themeId=${billing.id}`)).json().data,
    ).toHaveLength(1);
    expect(
      (await send(manager, 'GET', `/api/v1/survey-answers?themeId=${slow.json().id}`)).json().data,
    ).toHaveLength(0);

    // A new rule applies to past answers when the rules run again.
    await send(manager, 'POST', '/api/v1/feedback/theme-rules', {
      themeId: slow.json().id,
      phrases: ['rude'],
    });
    const run = await send(manager, 'POST', '/api/v1/feedback/theme-rules/run');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual({ answers: 1, tagged: 1, removed: 0 });
    const untag = await send(manager, 'DELETE', `/api/v1/survey-answers/${a.id}/themes/${billing.id}`);
    expect((untag.json() as SurveyAnswer).themes.map((x) => x.name)).toEqual(['Slow']);
    const themes = (await send(manager, 'GET', '/api/v1/feedback/themes')).json().data;
    expect(themes.map((x: { name: string; answers: number }) => [x.name, x.answers])).toEqual([
      ['Billing', 0],
      ['Slow', 1],
    ]);
  });

  it('opens one follow-up per negative answer for the team lead, however often it changes', async () => {
    const { manager, lead, other, ticket, answer } = await answeredSetup('five');
    expect((await answer({ rating: 3, comment: 'Fine' })).statusCode).toBe(200);
    expect(await followUpRows()).toHaveLength(0);
    expect((await answer({ rating: 1, comment: 'Nobody listened' })).statusCode).toBe(200);
    expect((await answer({ rating: 5, comment: 'Actually fine' })).statusCode).toBe(200);
    expect((await answer({ rating: 2, comment: 'No, bad after all' })).statusCode).toBe(200);
    const rows = await followUpRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source_kind: 'csat',
      owner_id: lead.userId,
      state: 'open',
      ticket_id: ticket.id,
    });

    const bell = (await send(lead, 'GET', '/api/v1/me/notifications')).json();
    expect(bell.data.some((n: { kind: string }) => n.kind === 'follow_up')).toBe(true);

    // The lead sees it, an agent who leads no team sees none, the manager sees all.
    const mine = (await send(lead, 'GET', '/api/v1/follow-ups')).json();
    expect(mine.data.map((f: FollowUp) => f.id)).toEqual([rows[0]!.id]);
    expect((await send(other, 'GET', '/api/v1/follow-ups')).json().data).toEqual([]);
    expect((await send(other, 'GET', `/api/v1/follow-ups/${rows[0]!.id}`)).statusCode).toBe(404);
    expect((await send(manager, 'GET', '/api/v1/follow-ups?view=all')).json().data).toHaveLength(1);
  });

  it('moves through open → contacted → resolved, and contacting opens a linked ticket', async () => {
    const { manager, lead, other, ticket, answer } = await answeredSetup('binary');
    expect((await answer({ rating: 0, comment: 'Still broken' })).statusCode).toBe(200);
    const [row] = await followUpRows();
    const id = row!.id;

    const skip = await send(lead, 'PATCH', `/api/v1/follow-ups/${id}`, { state: 'resolved' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.details[0].path).toEqual(['outcome']);
    expect(
      (await send(other, 'POST', `/api/v1/follow-ups/${id}/contact`, { message: 'Hi' })).statusCode,
    ).toBe(404);

    const contact = await send(lead, 'POST', `/api/v1/follow-ups/${id}/contact`, {
      message: 'Sorry to read this. Can we call you tomorrow?',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const { ticketId, followUp } = contact.json() as { ticketId: number; followUp: FollowUpDetail };
    expect(followUp.state).toBe('contacted');
    expect(followUp.contactTicket?.id).toBe(ticketId);
    const opened = (await send(lead, 'GET', `/api/v1/tickets/${ticketId}`)).json();
    expect(opened.requester.email).toBe('robin@shop.example');
    expect(opened.tags).toContain('follow-up');
    const links = (await send(lead, 'GET', `/api/v1/tickets/${ticketId}/follow-ups`)).json();
    expect(links.data).toEqual([{ id, state: 'contacted', role: 'contact' }]);
    const source = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/follow-ups`)).json();
    expect(source.data).toEqual([{ id, state: 'contacted', role: 'source' }]);

    const bad = await send(lead, 'PATCH', `/api/v1/follow-ups/${id}`, { state: 'contacted' });
    expect(bad.statusCode).toBe(409);
    const resolved = await send(lead, 'PATCH', `/api/v1/follow-ups/${id}`, {
      state: 'resolved',
      outcome: 'recovered',
      note: 'Called, refunded, happy again.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const done = resolved.json() as FollowUpDetail;
    expect(done).toMatchObject({
      state: 'resolved',
      outcome: 'recovered',
      outcomeNote: 'Called, refunded, happy again.',
    });
    expect(done.history.map((h) => h.kind)).toEqual(['opened', 'contacted', 'state']);
    expect(done.answer?.ratingLabel).toBe('Bad');

    const list = (await send(manager, 'GET', '/api/v1/follow-ups?view=closed')).json();
    expect(list.data).toHaveLength(1);
    expect(list.summary).toMatchObject({
      open: 0,
      overdue: 0,
      closed: 1,
      closedInTime: 1,
      closedInTimeShare: 100,
    });
    const reopened = await send(manager, 'PATCH', `/api/v1/follow-ups/${id}`, { state: 'open' });
    expect(reopened.json()).toMatchObject({ state: 'open', outcome: null, closedAt: null });
  });

  it("shows an agent their own scores only, and the customer's answers on the timeline", async () => {
    const { agent, other, ticket, answer } = await answeredSetup('five');
    expect((await answer({ rating: 5, effort: null, comment: 'Amara was wonderful' })).statusCode).toBe(200);
    const mine = (await send(agent, 'GET', '/api/v1/survey-answers/mine')).json() as MyScores;
    expect(mine.current).toMatchObject({ answers: 1, csat: 100 });
    expect(mine.previous.answers).toBe(0);
    expect(mine.latestComments.map((c) => c.comment)).toEqual(['Amara was wonderful']);
    const theirs = (await send(other, 'GET', '/api/v1/survey-answers/mine')).json() as MyScores;
    expect(theirs.current.answers).toBe(0);
    expect(theirs.latestComments).toEqual([]);

    const customerId = ticket.requester.id;
    const timeline = (await send(agent, 'GET', `/api/v1/customers/${customerId}/timeline`)).json().data;
    const item = timeline.find((i: { kind: string }) => i.kind === 'survey_answer');
    expect(item).toMatchObject({
      answer: { ticketId: ticket.id, ratingLabel: 'Very satisfied', comment: 'Amara was wonderful' },
    });
  });
});
