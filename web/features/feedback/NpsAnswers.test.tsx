import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { feedbackThemesList } from '../../../contracts/feedback-loop';
import {
  npsAnswersPage,
  npsCampaignList,
  npsInboxAnswerSchema,
  npsSummarySchema,
} from '../../../contracts/nps';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { NpsAnswers } from './NpsAnswers';

const AT = '2026-11-20T09:00:00.000Z';
const campaign = { id: 4, name: 'Autumn NPS' };

// Parsed by the contracts' schemas, so the bodies are what the server could answer.
const withComment = npsInboxAnswerSchema.parse({
  id: 11,
  customer: { id: 31, name: 'Grace Hopper', email: 'grace@example.test' },
  organization: { id: 2, name: 'Globex' },
  score: 3,
  group: 'detractor',
  comment: 'Support took a week to answer.',
  answeredAt: AT,
  campaign,
  updatedAt: AT,
  sentiment: { label: 'negative', score: -2, comparative: -0.33 },
  themes: [{ id: 5, name: 'Speed', source: 'rule' }],
});

const withoutComment = npsInboxAnswerSchema.parse({
  id: 12,
  customer: { id: 32, name: 'Alan Turing', email: null },
  organization: null,
  score: 10,
  group: 'promoter',
  comment: '',
  answeredAt: AT,
  campaign,
  updatedAt: AT,
  // A stale score from an earlier comment: still no tone without a comment.
  sentiment: { label: 'neutral', score: 0, comparative: 0 },
  themes: [],
});

const summary = npsSummarySchema.parse({
  answers: 10,
  promoters: 5,
  passives: 2,
  detractors: 3,
  nps: 20,
  sent: 40,
  responseRate: 25,
  sentiments: { negative: 1, neutral: 0, positive: 0 },
  themes: [{ id: 5, name: 'Speed', count: 1 }],
});

const answersPage = npsAnswersPage.parse({ data: [withComment, withoutComment], nextCursor: null, summary });

const campaigns = npsCampaignList.parse({
  data: [
    {
      ...campaign,
      question: 'How likely are you to recommend {company} to a friend or colleague?',
      segment: { organizationIds: [], tags: [], plans: [], activeDays: null },
      cadence: 'quarterly',
      status: 'active',
      startsAt: AT,
      nextRunAt: '2027-02-20T09:00:00.000Z',
      lastRunAt: AT,
      runs: 1,
      sent: 40,
      answered: 10,
      skippedCap: 0,
      skippedUnsubscribed: 1,
      nps: 20,
      createdAt: AT,
      updatedAt: AT,
    },
  ],
});

const themes = feedbackThemesList.parse({ data: [{ id: 5, name: 'Speed', answers: 1, createdAt: AT }] });

function stubAnswers(page = answersPage) {
  return stubNetwork({
    'GET /nps-answers': page,
    'GET /nps-campaigns': campaigns,
    'GET /feedback/themes': themes,
  });
}

const tones = /^(Negative|Neutral|Positive) tone$/;

describe('NpsAnswers', () => {
  it('shows a comment with its tone badge', async () => {
    const net = stubAnswers();
    renderWithProviders(<NpsAnswers canTag={false} />, { route: '/feedback?survey=nps' });

    const answer = await screen.findByRole('article', { name: 'NPS answer from Grace Hopper' });
    expect(within(answer).getByText('“Support took a week to answer.”')).toBeInTheDocument();
    expect(within(answer).getByText('Negative tone')).toBeInTheDocument();
    expect(within(answer).getByText('3 · Detractor')).toBeInTheDocument();
    expect(within(answer).getByText('Speed')).toBeInTheDocument();
    expect(within(answer).getByRole('link', { name: 'Autumn NPS' })).toHaveAttribute(
      'href',
      '/feedback/campaigns/4',
    );
    expect(within(answer).queryByText('No comment')).toBeNull();
    expect(net.unhandled).toEqual([]);
  });

  it('shows "No comment" and no tone badge for an answer without a comment', async () => {
    const net = stubAnswers();
    renderWithProviders(<NpsAnswers canTag={false} />, { route: '/feedback?survey=nps' });

    const answer = await screen.findByRole('article', { name: 'NPS answer from Alan Turing' });
    expect(within(answer).getByText('No comment')).toBeInTheDocument();
    expect(within(answer).getByText('10 · Promoter')).toBeInTheDocument();
    expect(within(answer).queryByText(tones)).toBeNull();
    // The other answer on the page does show its tone, so the badge is there when it should be.
    const commented = screen.getByRole('article', { name: 'NPS answer from Grace Hopper' });
    expect(within(commented).getAllByText(tones)).toHaveLength(1);
    expect(net.unhandled).toEqual([]);
  });

  it('shows the summary figures of the filter: NPS with its sign, promoters · detractors, answers and response rate', async () => {
    const net = stubAnswers();
    renderWithProviders(<NpsAnswers canTag={false} />, { route: '/feedback?survey=nps' });

    expect(await screen.findByText('+20')).toBeInTheDocument();
    expect(screen.getByText('5 · 3')).toBeInTheDocument();
    expect(screen.getByText('2 passives between')).toBeInTheDocument();
    expect(screen.getByText('10')).toBeInTheDocument();
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(screen.getByText('40 campaign mails sent in the period')).toBeInTheDocument();
    expect(screen.getByText(/Tone: 1 negative · 0 neutral · 0 positive/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Speed · 1' })).toHaveAttribute('aria-pressed', 'false');
    expect(net.callsTo('GET /nps-answers')).toHaveLength(1);
    expect(net.unhandled).toEqual([]);
  });

  it('writes a negative NPS with a minus sign', async () => {
    stubAnswers({ ...answersPage, summary: { ...summary, promoters: 1, detractors: 4, nps: -30 } });
    renderWithProviders(<NpsAnswers canTag={false} />, { route: '/feedback?survey=nps' });

    expect(await screen.findByText('−30')).toBeInTheDocument();
    expect(screen.getByText('1 · 4')).toBeInTheDocument();
  });

  it('passes the filters in the address on to the answers query', async () => {
    const net = stubAnswers();
    renderWithProviders(<NpsAnswers canTag={false} />, {
      route: '/feedback?survey=nps&group=detractor&campaignId=4&period=all',
    });

    await screen.findByRole('article', { name: 'NPS answer from Grace Hopper' });
    const [call] = net.callsTo('GET /nps-answers');
    expect(call?.query.get('group')).toBe('detractor');
    expect(call?.query.get('campaignId')).toBe('4');
    expect(call?.query.has('from')).toBe(false);
    expect(call?.query.has('survey')).toBe(false);
  });
});
