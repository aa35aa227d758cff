import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replyError, type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { PortalMailPreferences } from './PortalMailPreferences';

describe('PortalMailPreferences', { timeout: 30_000 }, () => {
  it('shows what is mailed and saves a change at once', async () => {
    const net = stubNetwork({ 'GET /portal/preferences': { mailOnReply: true, mailOnSolved: true } });
    net.on('PUT /portal/preferences', (request: StubRequest) => request.body);
    const { user } = renderWithProviders(<PortalMailPreferences />, { route: '/portal/account' });
    const replies = await screen.findByRole('switch', { name: /When we reply/ });
    expect(replies).toBeChecked();
    await user.click(replies);
    await waitFor(() => expect(net.callsTo('PUT /portal/preferences')).toHaveLength(1));
    expect(net.callsTo('PUT /portal/preferences')[0]!.body).toEqual({
      mailOnReply: false,
      mailOnSolved: true,
    });
    expect(screen.getByRole('switch', { name: /When we reply/ })).not.toBeChecked();
    expect(screen.getByRole('switch', { name: /When your request is solved/ })).toBeChecked();
  });

  it('puts the switch back when the choice was not saved', async () => {
    stubNetwork({
      'GET /portal/preferences': { mailOnReply: true, mailOnSolved: true },
      'PUT /portal/preferences': replyError(503, 'UNAVAILABLE', 'Try again in a moment'),
    });
    const { user } = renderWithProviders(<PortalMailPreferences />, { route: '/portal/account' });
    const solved = await screen.findByRole('switch', { name: /When your request is solved/ });
    await user.click(solved);
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: /When your request is solved/ })).toBeChecked(),
    );
    expect(await screen.findByText('Your choice was not saved')).toBeInTheDocument();
  });

  it('says when the choices cannot be loaded', async () => {
    stubNetwork({ 'GET /portal/preferences': replyError(500, 'INTERNAL', 'Something broke') });
    renderWithProviders(<PortalMailPreferences />, { route: '/portal/account' });
    expect(await screen.findByText("We couldn't load your email choices")).toBeInTheDocument();
  });
});
