import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PublicSurvey } from '../../../contracts/feedback';
import { replyError, type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { SurveyPage } from './SurveyPage';

const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const survey: PublicSurvey = {
  ticket: { id: 42, subject: 'Kettle lid will not close' },
  scale: 'five',
  askEffort: true,
  effortQuestion: 'The company made it easy to handle my issue.',
  reasons: [{ id: 7, label: 'Quick answer' }],
  answer: null,
  changeableUntil: '2027-01-05T10:00:00.000Z',
  expired: false,
};

const page = (search = '') =>
  renderWithProviders(
    <Routes>
      <Route path="/survey/:token" element={<SurveyPage />} />
    </Routes>,
    { route: `/survey/${token}${search}` },
  );

describe('SurveyPage', { timeout: 30_000 }, () => {
  it('preselects the rating chosen in the mail and records nothing until the customer sends it', async () => {
    const net = stubNetwork({ [`GET /public/surveys/${token}`]: survey });
    net.on(`PUT /public/surveys/${token}/answer`, (request: StubRequest) => ({
      ...survey,
      answer: { ...(request.body as object), reasonId: null },
    }));
    const { user } = page('?rating=4');
    expect(await screen.findByRole('radio', { name: '4 · Satisfied' })).toBeChecked();
    expect(screen.getByText('About your request #42: Kettle lid will not close')).toBeInTheDocument();
    expect(net.callsTo(`PUT /public/surveys/${token}/answer`)).toHaveLength(0);
    await user.click(screen.getByRole('radio', { name: /7 · Strongly agree/ }));
    await user.type(screen.getByLabelText('Anything you want to tell us?'), 'Fixed in a day');
    await user.click(screen.getByRole('button', { name: 'Send my answer' }));
    await waitFor(() => expect(net.callsTo(`PUT /public/surveys/${token}/answer`)).toHaveLength(1));
    expect(net.callsTo(`PUT /public/surveys/${token}/answer`)[0]!.body).toEqual({
      rating: 4,
      effort: 7,
      reasonId: null,
      comment: 'Fixed in a day',
    });
    expect(await screen.findByRole('heading', { name: 'Thank you for your answer' })).toBeInTheDocument();
  });

  it('asks for a rating before sending, and ignores a rating the scale does not have', async () => {
    const net = stubNetwork({
      [`GET /public/surveys/${token}`]: { ...survey, scale: 'binary', askEffort: false },
    });
    const { user } = page('?rating=5');
    const good = await screen.findByRole('radio', { name: 'Good' });
    expect(good).not.toBeChecked();
    expect(screen.queryByText(survey.effortQuestion)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(await screen.findByText('Choose an answer')).toBeInTheDocument();
    expect(net.callsTo(`PUT /public/surveys/${token}/answer`)).toHaveLength(0);
  });

  it('says so when the link is unknown or the survey has closed', async () => {
    stubNetwork({
      [`GET /public/surveys/${token}`]: replyError(404, 'SURVEY_NOT_FOUND', 'This survey link was not found'),
    });
    page();
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeInTheDocument();
  });

  it('shows a closed survey without a form', async () => {
    stubNetwork({
      [`GET /public/surveys/${token}`]: {
        ...survey,
        expired: true,
        answer: { rating: 5, effort: null, comment: '', reasonId: null },
      },
    });
    page();
    expect(await screen.findByRole('heading', { name: 'This survey has closed' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Send|Change/ })).not.toBeInTheDocument();
  });
});
