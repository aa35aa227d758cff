import { expect, it } from 'vitest';
import type { PublicSurvey, SurveyAnswer, TicketSatisfaction } from '../../../contracts/feedback';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { feedbackRepository } from './feedback.repository';
import { sendDueSurveys, surveyService } from './feedback.surveys';

const anonymous: Auth = { kind: 'anonymous' };

describeApi('feedback: satisfaction surveys', (t) => {
  const send = (
    auth: Auth,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  /** Surveys at once after solving, so the job sends them in the test. */
  async function surveysNow(manager: Auth, extra: object = {}) {
    const res = await send(manager, 'PATCH', '/api/v1/surveys/settings', { delayMinutes: 0, ...extra });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** Opens a ticket, solves it as the agent, sends due surveys, and returns the link's token. */
  async function solvedAndSurveyed(agent: Auth & { userId?: number }, email: string) {
    const ticket = await openTicket(t, agent, { requester: { email, name: 'Robin Shopper' } });
    const solved = await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
      assigneeId: (agent as { userId: number }).userId,
      status: 'solved',
    });
    expect(solved.statusCode, solved.body).toBe(200);
    await sendDueSurveys(t.handle.db, testConfig(t.dataDir));
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body', 'html_body'])
      .where('ticket_id', '=', ticket.id)
      .where('to_address', '=', email)
      .where('subject', 'like', 'How did we do%')
      .executeTakeFirst();
    expect(mail, 'the survey mail').toBeDefined();
    const token = /\/survey\/([A-Za-z0-9_-]+)\?rating=/.exec(mail!.text_body)?.[1];
    expect(token).toBeDefined();
    return { ticket, token: token!, mail: mail! };
  }

  it('a solved ticket sends one survey; reading the link records nothing; answering twice changes the one answer', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { scale: 'five', askEffort: true });
    const reason = await send(manager, 'POST', '/api/v1/surveys/reasons', { label: 'Quick answer' });
    expect(reason.statusCode, reason.body).toBe(201);
    const agent = await t.signIn('agent', { name: 'Amara Okafor' });
    const { ticket, token, mail } = await solvedAndSurveyed(agent, 'robin@shop.example');
    expect(mail.html_body).toContain('?rating=5');

    // A mail scanner opening the link (and the page's data) casts no vote.
    const view = await send(anonymous, 'GET', `/api/v1/public/surveys/${token}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      ticket: { id: ticket.id },
      scale: 'five',
      askEffort: true,
      answer: null,
    });
    const none = (await send(manager, 'GET', '/api/v1/survey-answers')).json();
    expect(none.data).toHaveLength(0);

    const first = await send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, {
      rating: 2,
      effort: 3,
      comment: 'It took <b>three</b> mails.',
      reasonId: reason.json().id,
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = await send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, {
      rating: 5,
      effort: 6,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as PublicSurvey).answer).toMatchObject({ rating: 5, effort: 6, comment: '' });

    const inbox = (await send(manager, 'GET', '/api/v1/survey-answers')).json();
    expect(inbox.data).toHaveLength(1);
    const answer = inbox.data[0] as SurveyAnswer;
    expect(answer).toMatchObject({
      ticket: { id: ticket.id },
      agent: { id: agent.userId, name: 'Amara Okafor' },
      rating: 5,
      ratingLabel: 'Very satisfied',
      positive: true,
      effort: 6,
    });
    expect(inbox.summary).toMatchObject({
      answers: 1,
      positive: 1,
      csat: 100,
      ces: 6,
      sent: 1,
      responseRate: 100,
    });

    const ofTicket = (
      await send(agent, 'GET', `/api/v1/tickets/${ticket.id}/satisfaction`)
    ).json() as TicketSatisfaction;
    expect(ofTicket.survey?.status).toBe('answered');
    expect(ofTicket.answer?.rating).toBe(5);

    // Solving it again never sends a second survey.
    await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'open' });
    await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'solved' });
    await sendDueSurveys(t.handle.db, testConfig(t.dataDir));
    const mails = await t.handle.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('ticket_id', '=', ticket.id)
      .where('subject', 'like', 'How did we do%')
      .execute();
    expect(mails).toHaveLength(1);
  });

  it('a link cannot be altered or guessed, answers must fit the scale, and an expired link records nothing', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { scale: 'binary', askEffort: false, linkDays: 1 });
    const agent = await t.signIn('agent');
    const { token } = await solvedAndSurveyed(agent, 'sam@shop.example');

    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await send(anonymous, 'GET', `/api/v1/public/surveys/${altered}`)).statusCode).toBe(404);
    expect(
      (await send(anonymous, 'PUT', `/api/v1/public/surveys/${altered}/answer`, { rating: 1 })).statusCode,
    ).toBe(404);
    expect((await send(anonymous, 'GET', '/api/v1/public/surveys/..%2F..%2Fetc')).statusCode).toBe(400);

    const outOfScale = await send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, { rating: 4 });
    expect(outOfScale.statusCode).toBe(400);
    const effortNotAsked = await send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, {
      rating: 1,
      effort: 7,
    });
    expect(effortNotAsked.statusCode).toBe(400);
    const unknownReason = await send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, {
      rating: 0,
      reasonId: 999999,
    });
    expect(unknownReason.json().error.code).toBe('SURVEY_REASON_NOT_FOUND');
    expect((await send(manager, 'GET', '/api/v1/survey-answers')).json().data).toHaveLength(0);

    await t.handle.db
      .updateTable('surveys')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', 'is not', null)
      .execute();
    const expired = await send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, { rating: 1 });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('SURVEY_CLOSED');
    expect(
      ((await send(anonymous, 'GET', `/api/v1/public/surveys/${token}`)).json() as PublicSurvey).expired,
    ).toBe(true);
    expect((await send(manager, 'GET', '/api/v1/survey-answers')).json().data).toHaveLength(0);
  });

  it('a survey answer is kept in the ticket history but changes nothing: no trigger on updates runs for it', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { scale: 'five', askEffort: false });
    const agent = await t.signIn('agent');
    const { ticket, token } = await solvedAndSurveyed(agent, 'cleo@shop.example');
    const trigger = await send(manager, 'POST', '/api/v1/triggers', {
      name: 'Every update is urgent',
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'is', value: 'normal' }], any: [] },
      actions: [{ type: 'set', field: 'priority', value: 'urgent' }],
    });
    expect(trigger.statusCode, trigger.body).toBe(201);
    const before = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
    const answered = await send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, { rating: 1 });
    expect(answered.statusCode, answered.body).toBe(200);
    const after = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(after).toMatchObject({ priority: before.priority, version: before.version });
    const events = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().data as {
      type: string;
    }[];
    expect(events.map((e) => e.type)).toContain('survey_answered');
    expect(events.map((e) => e.type)).not.toContain('trigger_fired');
    await send(manager, 'DELETE', `/api/v1/triggers/${trigger.json().id}`);
  });

  it('an answer changed stays filed under the category of its first recording, with its sentiment, and each change is an event', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { scale: 'five', askEffort: false });
    const admin = await t.signIn('admin');
    const category = async (name: string) => {
      const res = await send(admin, 'POST', '/api/v1/categories', { name });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const billing = await category('Billing');
    const delivery = await category('Delivery');
    const agent = await t.signIn('agent');
    const { ticket, token } = await solvedAndSurveyed(agent, 'cleo@shop.example');
    const filed = await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, { categoryId: billing });
    expect(filed.statusCode, filed.body).toBe(200);
    const put = (payload: object) =>
      send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, payload);
    expect((await put({ rating: 5, comment: 'Great, thank you' })).statusCode).toBe(200);
    const moved = await send(agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, { categoryId: delivery });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await put({ rating: 1, comment: 'Terrible, awful mess' })).statusCode).toBe(200);
    const [answer] = (await send(manager, 'GET', '/api/v1/survey-answers')).json().data as SurveyAnswer[];
    expect(answer).toMatchObject({ rating: 1, category: { id: billing }, sentiment: { label: 'negative' } });
    const stored = await t.handle.db
      .selectFrom('survey_answers')
      .select(['category_id', 'sentiment', 'sentiment_score'])
      .where('id', '=', answer!.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ category_id: billing, sentiment: 'negative' });
    expect(stored.sentiment_score).toBeLessThan(0);
    const events = await t.handle.db
      .selectFrom('ticket_events')
      .select('to_value')
      .where('ticket_id', '=', ticket.id)
      .where('type', '=', 'survey_answered')
      .orderBy('id')
      .execute();
    expect(events.map((e) => JSON.parse(e.to_value ?? '{}'))).toMatchObject([
      { id: answer!.id, positive: 1, categoryId: billing },
      { id: answer!.id, positive: 0, categoryId: billing },
    ]);
    const survey = await t.handle.db
      .selectFrom('surveys')
      .select('status')
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(survey.status).toBe('answered');
  });

  it('answers arriving together each get their own outcome: one answer per link, and a bad one refused alone', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { scale: 'five', askEffort: false });
    const agent = await t.signIn('agent');
    const first = await solvedAndSurveyed(agent, 'ana@shop.example');
    const second = await solvedAndSurveyed(agent, 'ben@shop.example');
    const put = (token: string, payload: object) =>
      send(anonymous, 'PUT', `/api/v1/public/surveys/${token}/answer`, payload);
    const results = await Promise.all([
      put(first.token, { rating: 2, comment: 'Slow' }),
      put(second.token, { rating: 5 }),
      put(first.token, { rating: 4, comment: 'Better after all' }),
      put(`${second.token.slice(0, -2)}zz`, { rating: 5 }),
      put(second.token, { rating: 9 }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 404, 400]);
    expect((results[2]!.json() as PublicSurvey).answer).toMatchObject({
      rating: 4,
      comment: 'Better after all',
    });
    const answers = (await send(manager, 'GET', '/api/v1/survey-answers')).json().data as SurveyAnswer[];
    expect(answers.map((a) => [a.ticket.id, a.rating]).sort()).toEqual(
      [
        [first.ticket.id, 4],
        [second.ticket.id, 5],
      ].sort(),
    );
  });

  it('an answer that waited for another node to answer the same link finds that answer and changes it', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { scale: 'five', askEffort: false });
    const agent = await t.signIn('agent');
    const { ticket, token } = await solvedAndSurveyed(agent, 'dana@shop.example');
    const survey = await t.handle.db
      .selectFrom('surveys')
      .select('id')
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    // Another node has taken the survey and written its answer, not yet committed.
    const other = await t.handle.db.startTransaction().execute();
    const taken = await feedbackRepository.takeForAnswer(other, survey.id);
    const firstId = await feedbackRepository.insertAnswer(other, {
      survey_id: survey.id,
      ticket_id: ticket.id,
      customer_id: taken!.customer_id,
      organization_id: null,
      agent_id: taken!.agent_id,
      team_id: taken!.team_id,
      category_id: null,
      channel: 'web',
      scale: 'five',
      rating: 2,
      positive: 0,
      effort: null,
      comment: 'First node',
      reason_id: null,
      answered_at: '2026-12-01T10:00:00.000Z',
      updated_at: '2026-12-01T10:00:00.000Z',
      sentiment_score: 0,
      sentiment_comparative: 0,
      sentiment: 'neutral',
    });
    const waiting = surveyService(t.handle.db, async () => null).answer(token, {
      rating: 5,
      comment: 'Second',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await other.commit().execute();
    const answered = await waiting;
    expect(answered.answer).toMatchObject({ rating: 5, comment: 'Second' });
    const answers = await t.handle.db
      .selectFrom('survey_answers')
      .select(['id', 'rating', 'answered_at'])
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(answers).toEqual([{ id: firstId, rating: 5, answered_at: '2026-12-01T10:00:00.000Z' }]);
  });

  it('only the tickets the settings name are surveyed, and a ticket reopened before its survey goes out is not', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { types: ['question'] });
    const agent = await t.signIn('agent');
    const complaint = await openTicket(t, agent, {
      type: 'complaint',
      requester: { email: 'kim@shop.example' },
    });
    await send(agent, 'PATCH', `/api/v1/tickets/${complaint.id}`, { status: 'solved' });
    const question = await openTicket(t, agent, {
      type: 'question',
      requester: { email: 'lee@shop.example' },
    });
    await send(agent, 'PATCH', `/api/v1/tickets/${question.id}`, { status: 'solved' });
    await send(agent, 'PATCH', `/api/v1/tickets/${question.id}`, { status: 'open' });
    await sendDueSurveys(t.handle.db, testConfig(t.dataDir));
    const complaintSurvey = (await send(agent, 'GET', `/api/v1/tickets/${complaint.id}/satisfaction`)).json();
    expect(complaintSurvey.survey).toBeNull();
    const questionSurvey = (await send(agent, 'GET', `/api/v1/tickets/${question.id}/satisfaction`)).json();
    expect(questionSurvey.survey.status).toBe('cancelled');
    await surveysNow(manager, { types: [] });
  });

  it('a portal customer answers the survey beside their own request, and only their own', async () => {
    const manager = await t.signIn('manager');
    await surveysNow(manager, { scale: 'binary', askEffort: false, types: [] });
    const agent = await t.signIn('agent');
    const customer = await t.signIn('customer', { email: 'portal.pat@shop.example', name: 'Pat Portal' });
    const other = await t.signIn('customer', { email: 'portal.kai@shop.example', name: 'Kai Portal' });
    const { ticket } = await solvedAndSurveyed(agent, 'portal.pat@shop.example');
    const url = `/api/v1/portal/requests/${ticket.id}/survey`;
    expect((await send(other, 'GET', url)).json()).toBeNull();
    expect((await send(other, 'PUT', url, { rating: 0 })).statusCode).toBe(404);
    const view = await send(customer, 'GET', url);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ scale: 'binary', answer: null });
    const answered = await send(customer, 'PUT', url, { rating: 1, comment: 'Thanks!' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().answer).toMatchObject({ rating: 1, comment: 'Thanks!' });
    const unsurveyed = await openTicket(t, agent, { requester: { email: 'portal.pat@shop.example' } });
    expect(
      (await send(customer, 'GET', `/api/v1/portal/requests/${unsurveyed.id}/survey`)).json(),
    ).toBeNull();
  });

  it('managers read and change the settings and reasons; agents may not; bad settings change nothing', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    expect((await send(agent, 'GET', '/api/v1/survey-answers')).statusCode).toBe(403);
    expect((await send(agent, 'PATCH', '/api/v1/surveys/settings', { enabled: false })).statusCode).toBe(403);
    const before = (await send(manager, 'GET', '/api/v1/surveys/settings')).json();
    const bad = await send(manager, 'PATCH', '/api/v1/surveys/settings', { scale: 'ten', delayMinutes: -1 });
    expect(bad.statusCode).toBe(400);
    expect((await send(manager, 'GET', '/api/v1/surveys/settings')).json()).toEqual(before);
    const reason = (await send(manager, 'POST', '/api/v1/surveys/reasons', { label: 'Friendly' })).json();
    const retired = await send(manager, 'PATCH', `/api/v1/surveys/reasons/${reason.id}`, { active: false });
    expect(retired.json()).toMatchObject({ label: 'Friendly', active: false });
    expect(
      (await send(manager, 'PATCH', '/api/v1/surveys/reasons/999999', { active: true })).statusCode,
    ).toBe(404);
  });
});
