import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replyError, type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { AssignOnReplyCard } from './AssignOnReplyCard';

describe('AssignOnReplyCard', () => {
  it('shows the setting, and an admin turns it off', async () => {
    const net = stubNetwork({ 'GET /settings/tickets': { autoCloseDays: 4, assignOnReply: true } });
    net.on('PATCH /settings/tickets', (request: StubRequest) => ({
      autoCloseDays: 4,
      ...(request.body as object),
    }));
    const { user } = renderWithProviders(<AssignOnReplyCard />);

    const toggle = await screen.findByRole('switch', { name: /Assign unassigned tickets/ });
    expect(toggle).toBeChecked();
    await user.click(toggle);

    await screen.findByText('Replying no longer assigns tickets.');
    expect(net.callsTo('PATCH /settings/tickets')[0]?.body).toEqual({ assignOnReply: false });
    await waitFor(() => expect(toggle).not.toBeChecked());
  });

  it('says when the change was not saved', async () => {
    const net = stubNetwork({ 'GET /settings/tickets': { autoCloseDays: 4, assignOnReply: false } });
    net.on('PATCH /settings/tickets', replyError(403, 'FORBIDDEN', 'Only admins change settings.'));
    const { user } = renderWithProviders(<AssignOnReplyCard />);

    await user.click(await screen.findByRole('switch', { name: /Assign unassigned tickets/ }));
    expect(await screen.findByText('The setting was not saved')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /Assign unassigned tickets/ })).not.toBeChecked();
  });
});
