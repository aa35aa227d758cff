import type { DbOrTrx } from '../db/database';
import { indexNewTicket } from '../modules/search';
import { appendTicketEvents, insertMessageRow, insertTicketRow } from '../modules/tickets';
import { updateUserRow } from '../modules/users';
import { renderMarkdown } from '../platform/markdown';
import { insertCustomers, insertOrganization } from './factories';

const DAY = 86_400_000;

const unansweredCases = [
  ['Invoice copy', 'Could you send me a copy of invoice 4471? Never mind, I found it in the portal.', 6],
  ['Cannot sign in', 'I cannot sign in to the portal. Sorted now, the caps lock was on.', 3],
] as const;
/** Their subjects (written here, not drawn from the ticket topics). */
export const unansweredSubjects: readonly string[] = unansweredCases.map((c) => c[0]);

/**
 * Requests closed as solved without anyone answering (the customer wrote that it sorted itself
 * out): still a data-quality finding. Stored as history, before the service levels are backfilled.
 */
export async function seedUnansweredSolved(
  db: DbOrTrx,
  cast: {
    customers: { id: number; name: string; email: string; organizationId: number | null }[];
    agent: { id: number; teamId: number };
  },
  now: number,
): Promise<void> {
  for (const [index, [subject, body, daysAgo]] of unansweredCases.entries()) {
    const customer = cast.customers[index]!;
    const created = new Date(now - daysAgo * DAY).toISOString();
    const solved = new Date(now - daysAgo * DAY + 3 * 3_600_000).toISOString();
    const id = await insertTicketRow(db, {
      subject,
      requester_id: customer.id,
      organization_id: customer.organizationId,
      channel: 'web',
      type: 'question',
      priority: 'low',
      status: 'solved',
      category_id: null,
      assignee_id: cast.agent.id,
      team_id: cast.agent.teamId,
      due_at: null,
      escalated_at: null,
      escalation_reason: null,
      escalated_to_id: null,
      custom_fields: '{}',
      tags: '[]',
      first_reply_at: null,
      solved_at: solved,
      closed_at: null,
      last_message_at: created,
      last_customer_message_at: null,
      waiting_since: null,
      merged_into_id: null,
      follow_up_of_id: null,
      message_count: 1,
      created_at: created,
      updated_at: solved,
    });
    await insertMessageRow(db, {
      ticketId: id,
      kind: 'customer',
      authorUserId: null,
      authorCustomerId: customer.id,
      channel: 'web',
      body,
      html: renderMarkdown(body),
      meta: {},
      now: created,
    });
    await appendTicketEvents(
      db,
      id,
      { type: 'system', id: null },
      [{ type: 'created', to: 'new' }],
      created,
      {
        historic: true,
      },
    );
    await indexNewTicket(db, id, { subject, body, customer: `${customer.name} ${customer.email}` });
  }
}

/**
 * What else the data-quality checks find in the demo: organisations set up without a domain,
 * the same person entered twice (gmail and googlemail, two domains of one organisation, one phone
 * number written two ways), and an agent deactivated with tickets still on them.
 */
export async function seedDataQuality(db: DbOrTrx, cast: { leaverId: number }, now: number): Promise<void> {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  await insertOrganization(db, { name: 'Harbor & Finch Consulting', domains: [] });
  await insertOrganization(db, { name: 'Kestrel Outdoor Gear', domains: [] });
  const brightwater = await insertOrganization(db, {
    name: 'Brightwater Foods',
    domains: ['brightwater.example', 'brightwater-foods.example'],
  });
  await insertCustomers(db, [
    { email: 'jonas.berger@gmail.com', name: 'Jonas Berger', createdAt: at(300) },
    { email: 'jonasberger@googlemail.com', name: 'Jonas Berger', createdAt: at(20) },
    {
      email: 'amelia.hart@brightwater.example',
      name: 'Amelia Hart',
      organizationId: brightwater,
      createdAt: at(200),
    },
    {
      email: 'amelia.hart@brightwater-foods.example',
      name: 'Amelia Hart',
      organizationId: brightwater,
      createdAt: at(12),
    },
    {
      email: 'luis.ortega@ortega-imports.example',
      name: 'Luis Ortega',
      phone: '+34 91 555 0142',
      createdAt: at(150),
    },
    {
      email: 'l.ortega@ortega-imports.example',
      name: 'L. Ortega',
      phone: '0034 (91) 555-0142',
      createdAt: at(9),
    },
  ]);
  // An agent who left three days ago; their open tickets are still on them.
  await updateUserRow(db, cast.leaverId, { deactivated_at: at(3), updated_at: at(3) });
}
