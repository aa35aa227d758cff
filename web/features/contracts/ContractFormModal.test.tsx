import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeContract, makeUser, me, page } from '../../test/fixtures';
import { reply, replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { ContractFormModal } from './ContractFormModal';

const manager = { ...me, role: 'manager' as const };
const organization = {
  id: 7,
  name: 'Northwind Logistics',
  domains: [],
  tags: [],
  notes: '',
  customerCount: 3,
};

function stubForm() {
  return stubNetwork({
    'GET /organizations': page([organization]),
    'GET /organizations/7': organization,
    'GET /sla-policies': { data: [{ id: 3, name: 'Premium support', active: true }] },
    'GET /users': page([
      makeUser(1, 'Ada Lovelace', me.email, { role: 'manager' }),
      makeUser(2, 'Lin Chen', 'lin@example.test'),
    ]),
  });
}

const input = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' });

// A modal with a whole form: slow to render on a busy machine.
describe('ContractFormModal', { timeout: 60_000 }, () => {
  it('records a contract for a chosen organisation and shows what the server refused on its field', async () => {
    const net = stubForm();
    let refused = false;
    net.on('POST /contracts', () => {
      if (!refused) {
        refused = true;
        return replyError(400, 'VALIDATION_FAILED', 'Service-level policy #3 was not found', [
          { path: ['slaPolicyId'], message: 'Service-level policy #3 was not found' },
        ]);
      }
      return reply(201, makeContract(9));
    });
    const onClose = vi.fn();
    const { user } = renderWithProviders(<ContractFormModal contract={null} opened onClose={onClose} />, {
      me: manager,
    });

    await user.click(input('Organisation'));
    await user.paste('North');
    await user.click(await screen.findByRole('option', { name: 'Northwind Logistics' }));
    await user.click(input('Plan'));
    await user.paste('Premium');
    await user.click(input('Service-level policy'));
    await user.click(await screen.findByRole('option', { name: 'Premium support' }));
    fireEvent.change(input('Starts on'), { target: { value: '2027-01-01' } });
    fireEvent.change(input('Ends on'), { target: { value: '2027-12-31' } });
    await user.click(input('Included each month'));
    await user.click(await screen.findByRole('option', { name: 'Tickets per month' }));
    await user.click(input('Tickets a month'));
    await user.paste('10');
    await user.click(screen.getByRole('button', { name: 'Add contract' }));

    expect(await screen.findByText('Service-level policy #3 was not found')).toBeInTheDocument();
    expect(input('Service-level policy')).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Add contract' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(net.callsTo('POST /contracts')[1]?.body).toEqual({
      organizationId: 7,
      plan: 'Premium',
      slaPolicyId: 3,
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      entitlement: { kind: 'tickets', perMonth: 10 },
      ownerId: manager.id,
      reviewDaysBefore: 30,
      notes: '',
    });
  });

  it('checks the dates and the amount before sending anything', async () => {
    const net = stubForm();
    const { user } = renderWithProviders(
      <ContractFormModal
        contract={null}
        organization={{ id: 7, name: 'Northwind Logistics' }}
        opened
        onClose={vi.fn()}
      />,
      { me: manager },
    );
    expect(screen.getByRole('dialog', { name: 'New contract for Northwind Logistics' })).toBeInTheDocument();
    await user.click(input('Plan'));
    await user.paste('Basic');
    fireEvent.change(input('Ends on'), { target: { value: '2000-01-01' } });
    await user.click(input('Included each month'));
    await user.click(await screen.findByRole('option', { name: 'Support hours per month' }));
    await user.click(screen.getByRole('button', { name: 'Add contract' }));
    expect(await screen.findByText('Ends after it starts')).toBeInTheDocument();
    expect(screen.getByText('A whole number from 1 to 100,000')).toBeInTheDocument();
    expect(net.callsTo('POST /contracts')).toHaveLength(0);
  });

  it('sends only what changed, so the renewal reminder is not asked for again', async () => {
    const net = stubForm();
    net.on('PATCH /contracts/5', () => makeContract(5, { plan: 'Premium Plus' }));
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <ContractFormModal contract={makeContract(5)} opened onClose={onClose} />,
      { me: manager },
    );
    expect(screen.getByRole('dialog', { name: 'Edit Northwind Logistics · Premium' })).toBeInTheDocument();
    await user.clear(input('Plan'));
    await user.paste('Premium Plus');
    await user.click(screen.getByRole('button', { name: 'Save contract' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(net.callsTo('PATCH /contracts/5').map((c) => c.body)).toEqual([{ plan: 'Premium Plus' }]);
  });
});
