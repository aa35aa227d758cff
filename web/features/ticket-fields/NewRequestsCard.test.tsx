import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCategory, page } from '../../test/fixtures';
import { type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { NewRequestsCard } from './NewRequestsCard';

const team = (id: number, name: string) => ({
  id,
  name,
  description: '',
  lead: null,
  members: [],
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
});

describe('NewRequestsCard', { timeout: 60_000 }, () => {
  it("shows where each channel's requests go and saves an admin's choice", async () => {
    const net = stubNetwork({
      'GET /settings/channels': {
        contactForm: { teamId: 1, categoryId: null },
        portal: { teamId: null, categoryId: null },
      },
      'GET /teams': page([team(1, 'Frontline'), team(2, 'Technical')]),
      'GET /categories': {
        data: [makeCategory(5, 'Orders › Delivery'), makeCategory(6, 'Old', { archived: true })],
      },
    });
    net.on('PATCH /settings/channels', (request: StubRequest) => request.body);
    const { user } = renderWithProviders(<NewRequestsCard />);
    const pick = async (label: string, option: string) => {
      await user.click(input(label));
      const listbox = await screen.findByRole('listbox', { name: new RegExp(`^${label}`) });
      await user.click(within(listbox).getByText(option));
    };
    const input = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' });

    await waitFor(() => expect(input('Contact form: team')).toHaveValue('Frontline'), { timeout: 10_000 });
    expect(input('Portal: team')).toHaveValue('');
    expect(screen.getByText(/set them on each mailbox/)).toHaveAttribute('href', '/admin/mail');

    await pick('Portal: team', 'Technical');
    await pick('Portal: category', 'Orders › Delivery');
    await user.click(screen.getByText('Save'));

    await screen.findByText('New requests go where you chose.');
    expect(net.callsTo('PATCH /settings/channels')[0]?.body).toEqual({
      contactForm: { teamId: 1, categoryId: null },
      portal: { teamId: 2, categoryId: 5 },
    });
  });
});
