import type { CreateTicketBody, Ticket } from '../../contracts/tickets';
import type { Auth, TestApp } from './app';

/** Opens a ticket through the API and returns it. */
export async function openTicket(
  t: TestApp,
  auth: Auth,
  overrides: Partial<CreateTicketBody> = {},
): Promise<Ticket> {
  const res = await t.request(auth, {
    method: 'POST',
    url: '/api/v1/tickets',
    payload: {
      subject: 'My order never arrived',
      requester: { email: 'pat@customer.example', name: 'Pat Customer' },
      message: { body: 'I ordered a kettle two weeks ago and it has not arrived.' },
      type: 'complaint',
      priority: 'normal',
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`open ticket failed: ${res.statusCode} ${res.body}`);
  return res.json() as Ticket;
}
