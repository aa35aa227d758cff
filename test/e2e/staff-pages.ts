// The staff app's pages and the data that fills them, shared by the specs that visit every page.
import { type Browser, expect, type Page } from '@playwright/test';
import { e2eAdmin } from './global-setup';
import { adminApi, createTicket, createUser, type SeededUser, signIn, unique } from './helpers';

export interface Seeded {
  customerId: number;
  organizationId: number;
  userId: number;
  ticketId: number;
  subject: string;
  customer: SeededUser;
}

let seeded: Promise<Seeded> | null = null;

/** Long names and a long subject: the cases that push a narrow page sideways. */
export function seed(): Promise<Seeded> {
  seeded ??= (async () => {
    const api = await adminApi();
    const organization = await api.request<{ id: number }>('POST', '/organizations', {
      name: `Northwind Trading Partners International ${unique()}`,
      domains: [`northwind-${unique()}.example`],
    });
    const email = `maximiliane.oberhauser-wittgenstein.${unique()}@customer.test`;
    const name = 'Maximiliane Oberhauser-Wittgenstein';
    const subject = `The invoice for the quarterly maintenance contract shows the wrong VAT rate ${unique()}`;
    const ticket = await api.request<{ id: number; requester: { id: number } }>('POST', '/tickets', {
      subject,
      requester: { email, name },
      message: {
        body: 'Our March invoice lists 19% VAT, but the contract says 7%. Could you send a corrected one?',
      },
      channel: 'email',
      priority: 'high',
    });
    await api.request('PATCH', `/customers/${ticket.requester.id}`, { organizationId: organization.id });
    // The portal's longest status, "Waiting for your reply", on the second request.
    const waiting = await createTicket({
      subject: `Delivery arrived without the mounting kit ${unique()}`,
      message: 'The box had the lamp but no screws.',
      requester: { email, name },
    });
    await api.request('PATCH', `/tickets/${waiting.id}`, { status: 'pending', version: waiting.version });
    const customer = await createUser('customer', name, email);
    const agent = await createUser('agent', 'Bartholomew Featherstonehaugh');
    // A row in each admin table, so each is seen laid out on a phone.
    await api.request('POST', '/teams', {
      name: `Billing and Payments ${unique()}`,
      leadId: agent.id,
      memberIds: [agent.id],
    });
    await api.request('POST', '/api-tokens', { name: `Reporting export ${unique()}`, role: 'agent' });
    await api.request('POST', '/mail-rules', {
      kind: 'block_sender',
      pattern: `offers@bulk-${unique()}.example`,
      note: 'Sends offers every hour',
    });
    await api.request('POST', '/macros', {
      name: `Replacement kettle under the two-year warranty, collected by the courier ${unique()}`,
      description: 'When the element fails within two years of purchase',
      visibility: 'shared',
      body: 'Hello {{requester.first_name}}, a new kettle is on its way.',
      actions: { status: 'pending', priority: 'high', addTags: ['warranty', 'replacement'] },
    });
    await api.request('POST', '/custom-fields', {
      key: `contract_${unique()}`,
      label: 'Contract number',
      type: 'text',
    });
    await api.request('POST', '/triggers', {
      name: `Complaints from the wholesale partners go to billing first ${unique()}`,
      when: 'create',
      conditions: { all: [{ field: 'type', operator: 'is', value: 'complaint' }], any: [] },
      actions: [{ type: 'set', field: 'priority', value: 'high' }],
    });
    return {
      customerId: ticket.requester.id,
      organizationId: organization.id,
      userId: agent.id,
      ticketId: ticket.id,
      subject,
      customer,
    };
  })();
  return seeded;
}

export type Ready = (page: Page, data: Seeded) => Promise<void>;

// A page opened by address loads the whole app first: on a busy machine that takes a while.
export const loaded = expect.configure({ timeout: 30_000 });

export const heading =
  (name: (data: Seeded) => string | RegExp): Ready =>
  async (page, data) => {
    await loaded(page.getByRole('heading', { level: 1, name: name(data) })).toBeVisible();
  };

export interface StaffPage {
  name: string;
  path: (data: Seeded) => string;
  ready: Ready;
}

/** Every main page of the staff app, with what shows it has loaded. */
export const staffPages: StaffPage[] = [
  { name: 'home', path: () => '/', ready: heading(() => /./) },
  {
    name: 'inbox',
    path: () => '/inbox/all',
    ready: async (page, data) => {
      await loaded(page.getByRole('link', { name: `#${data.ticketId} ${data.subject}` })).toBeVisible();
    },
  },
  {
    name: 'ticket',
    path: (data) => `/inbox/all/tickets/${data.ticketId}`,
    ready: async (page) => {
      await loaded(page.getByText('Our March invoice lists 19% VAT')).toBeVisible();
    },
  },
  { name: 'customers', path: () => '/customers', ready: heading(() => 'Customers') },
  {
    name: 'customer',
    path: (data) => `/customers/${data.customerId}`,
    ready: heading((data) => data.customer.name),
  },
  { name: 'organizations', path: () => '/organizations', ready: heading(() => 'Organisations') },
  {
    name: 'organization',
    path: (data) => `/organizations/${data.organizationId}`,
    ready: heading(() => /Northwind/),
  },
  { name: 'users', path: () => '/admin/users', ready: heading(() => 'Users') },
  {
    name: 'user',
    path: (data) => `/admin/users/${data.userId}`,
    ready: heading(() => 'Bartholomew Featherstonehaugh'),
  },
  { name: 'teams', path: () => '/admin/teams', ready: heading(() => 'Teams') },
  { name: 'ticket-fields', path: () => '/admin/ticket-fields', ready: heading(() => 'Ticket fields') },
  { name: 'business-hours', path: () => '/admin/business-hours', ready: heading(() => 'Business hours') },
  { name: 'sla-policies', path: () => '/admin/sla-policies', ready: heading(() => 'SLA policies') },
  { name: 'contracts', path: () => '/contracts', ready: heading(() => 'Contracts') },
  { name: 'board', path: () => '/board', ready: heading(() => 'Operations board') },
  { name: 'data-quality', path: () => '/data-quality', ready: heading(() => 'Data quality') },
  { name: 'feedback', path: () => '/feedback', ready: heading(() => 'Feedback') },
  { name: 'feedback-nps', path: () => '/feedback?survey=nps', ready: heading(() => 'Feedback') },
  { name: 'feedback-settings', path: () => '/feedback/settings', ready: heading(() => 'Feedback') },
  { name: 'feedback-campaigns', path: () => '/feedback/campaigns', ready: heading(() => 'Feedback') },
  {
    name: 'reports',
    path: () => '/reports',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
      await expect(page.getByText('Backlog at the end')).toBeVisible();
    },
  },
  { name: 'feedback-follow-ups', path: () => '/feedback/follow-ups', ready: heading(() => 'Feedback') },
  { name: 'feedback-themes', path: () => '/feedback/themes', ready: heading(() => 'Feedback') },
  { name: 'follow-ups', path: () => '/follow-ups', ready: heading(() => 'Follow-ups') },
  { name: 'goals', path: () => '/goals', ready: heading(() => 'Goals') },
  { name: 'scorecard', path: () => '/scorecards/me', ready: heading(() => `Scorecard: ${e2eAdmin.name}`) },
  { name: 'mail-mailboxes', path: () => '/admin/mail', ready: heading(() => 'Mail') },
  { name: 'mail-templates', path: () => '/admin/mail/templates', ready: heading(() => 'Mail') },
  { name: 'mail-received', path: () => '/admin/mail/received', ready: heading(() => 'Mail') },
  { name: 'mail-spam-rules', path: () => '/admin/mail/spam-rules', ready: heading(() => 'Mail') },
  { name: 'jobs', path: () => '/admin/jobs', ready: heading(() => 'Background jobs') },
  { name: 'tokens', path: () => '/admin/tokens', ready: heading(() => 'API tokens') },
  { name: 'audit', path: () => '/admin/audit', ready: heading(() => 'Audit log') },
  { name: 'macros', path: () => '/admin/macros', ready: heading(() => 'Macros') },
  { name: 'routing', path: () => '/admin/routing', ready: heading(() => 'Routing') },
  { name: 'profile', path: () => '/profile', ready: heading(() => e2eAdmin.name) },
  { name: 'triggers', path: () => '/admin/triggers', ready: heading(() => 'Triggers') },
  { name: 'automations', path: () => '/admin/automations', ready: heading(() => 'Automations') },
  {
    name: 'not-found',
    path: () => '/no-such-page',
    ready: async (page) => {
      await loaded(page.getByText('There is no page here')).toBeVisible();
    },
  },
];

/** Signs `email` in once and writes the browser state to `path`, for tests that start signed in. */
export async function saveSignedInState(
  browser: Browser,
  email: string,
  password: string,
  path: string,
): Promise<void> {
  const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.context().storageState({ path });
  await page.context().close();
}
