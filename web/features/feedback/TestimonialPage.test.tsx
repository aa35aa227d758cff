import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PublicTestimonial } from '../../../contracts/testimonials';
import { type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { TestimonialPage } from './TestimonialPage';

const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const quote = 'Great <img src=x onerror="alert(1)"> help';
const view: PublicTestimonial = {
  company: 'Acme',
  quote,
  consentWording: 'I agree that Acme may quote me.',
  choices: [
    { value: 'full', name: 'Pat Promoter', organization: null },
    { value: 'first_org', name: 'Pat', organization: 'Lumen Retail' },
    { value: 'anonymous', name: 'Anonymous customer', organization: null },
  ],
  state: 'requested',
  displayAs: null,
  consentedAt: null,
  expiresAt: '2027-01-05T10:00:00.000Z',
  expired: false,
};

const page = () =>
  renderWithProviders(
    <Routes>
      <Route path="/testimonial/:token" element={<TestimonialPage />} />
    </Routes>,
    { route: `/testimonial/${token}` },
  );

describe('TestimonialPage', { timeout: 30_000 }, () => {
  it('shows the quote as text and the consent wording, and records only when the customer agrees', async () => {
    const net = stubNetwork({ [`GET /public/testimonials/${token}`]: view });
    net.on(`POST /public/testimonials/${token}`, (request: StubRequest) => ({
      ...view,
      state: 'approved',
      displayAs: (request.body as { displayAs: string }).displayAs,
      consentedAt: '2026-12-07T10:00:00.000Z',
    }));
    const { user } = page();
    expect(await screen.findByTestId('testimonial-quote')).toHaveTextContent(quote);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByText('I agree that Acme may quote me.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I agree' }));
    expect(await screen.findByText('Choose how you are named')).toBeInTheDocument();
    expect(net.callsTo(`POST /public/testimonials/${token}`)).toHaveLength(0);
    await user.click(screen.getByRole('radio', { name: 'Pat, Lumen Retail' }));
    await user.click(screen.getByRole('button', { name: 'I agree' }));
    await waitFor(() => expect(net.callsTo(`POST /public/testimonials/${token}`)).toHaveLength(1));
    expect(net.callsTo(`POST /public/testimonials/${token}`)[0]!.body).toEqual({
      decision: 'approve',
      displayAs: 'first_org',
    });
    expect(await screen.findByText('You agreed that we may quote you. Thank you!')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Withdraw my consent' })).toBeInTheDocument();
  });
});
