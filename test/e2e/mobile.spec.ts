import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectFitsWindow, laptop, phone } from './fit';
import { e2eAdmin, e2eDataDir } from './global-setup';
import {
  adminApi,
  createTicket,
  createUser,
  openFromMainNav,
  type SeededUser,
  signIn,
  unique,
} from './helpers';

interface Seeded {
  customerId: number;
  organizationId: number;
  userId: number;
  ticketId: number;
  subject: string;
  customer: SeededUser;
}

let seeded: Promise<Seeded> | null = null;

/** Long names and a long subject: the cases that push a narrow page sideways. */
function seed(): Promise<Seeded> {
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
    await api.request('POST', '/custom-fields', {
      key: `contract_${unique()}`,
      label: 'Contract number',
      type: 'text',
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

type Ready = (page: Page, data: Seeded) => Promise<void>;

// A page opened by address loads the whole app first: on a busy machine that takes a while.
const loaded = expect.configure({ timeout: 30_000 });

const heading =
  (name: (data: Seeded) => string | RegExp): Ready =>
  async (page, data) => {
    await loaded(page.getByRole('heading', { level: 1, name: name(data) })).toBeVisible();
  };

interface StaffPage {
  name: string;
  path: (data: Seeded) => string;
  ready: Ready;
}

/** Every main page of the staff app, with what shows it has loaded. */
const staffPages: StaffPage[] = [
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
  { name: 'mail-mailboxes', path: () => '/admin/mail', ready: heading(() => 'Mail') },
  { name: 'mail-templates', path: () => '/admin/mail/templates', ready: heading(() => 'Mail') },
  { name: 'mail-received', path: () => '/admin/mail/received', ready: heading(() => 'Mail') },
  { name: 'mail-spam-rules', path: () => '/admin/mail/spam-rules', ready: heading(() => 'Mail') },
  { name: 'jobs', path: () => '/admin/jobs', ready: heading(() => 'Background jobs') },
  { name: 'tokens', path: () => '/admin/tokens', ready: heading(() => 'API tokens') },
  { name: 'audit', path: () => '/admin/audit', ready: heading(() => 'Audit log') },
  { name: 'profile', path: () => '/profile', ready: heading(() => e2eAdmin.name) },
  {
    name: 'not-found',
    path: () => '/no-such-page',
    ready: async (page) => {
      await loaded(page.getByText('There is no page here')).toBeVisible();
    },
  },
];

/** The admin's signed-in browser state, written once: each page's test starts signed in. */
const adminState = resolve(e2eDataDir, 'mobile-admin-state.json');

/** One test per staff page at this size: it fits the window, with a screenshot of it. */
function staffPagesFit(size: 'phone' | 'laptop'): void {
  test.describe('every staff page fits the screen', () => {
    test.use({ storageState: adminState });
    test.beforeAll(async ({ browser }) => {
      const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
      await signIn(page, e2eAdmin.email, e2eAdmin.password);
      await expect(page).toHaveURL('/');
      await page.context().storageState({ path: adminState });
      await page.close();
    });
    for (const staffPage of staffPages) {
      test(staffPage.name, async ({ page }, testInfo) => {
        const data = await seed();
        await page.goto(staffPage.path(data));
        await staffPage.ready(page, data);
        await page.waitForLoadState('networkidle');
        await expectFitsWindow(page, testInfo, `${size}-staff-${staffPage.name}`);
      });
    }
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the signed-out pages fit the screen', async ({ page }, testInfo) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-login');
    await page.goto('/contact');
    await expect(page.getByRole('button', { name: /Send/ })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-contact');
    await page.goto('/portal/login');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-sign-in');
  });

  staffPagesFit('phone');

  test('every portal page fits the screen, and statuses are written out in full', async ({
    page,
  }, testInfo) => {
    const data = await seed();
    await signIn(page, data.customer.email, data.customer.password);
    await expect(page).toHaveURL('/portal');
    const requests = page.getByRole('list', { name: 'Your requests' });
    for (const status of ["We're on it", 'Waiting for your reply']) {
      const badge = requests.getByText(status, { exact: true });
      await expect(badge).toBeVisible();
      const whole = await badge.evaluate((label) => label.scrollWidth <= label.clientWidth);
      expect(whole, `"${status}" is cut short`).toBe(true);
    }
    await expectFitsWindow(page, testInfo, 'phone-portal-requests');
    await page.goto(`/portal/requests/${data.ticketId}`);
    await expect(page.getByRole('heading', { level: 1, name: data.subject })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-request');
    await page.goto('/portal/requests/new');
    await expect(page.getByLabel('Subject')).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-new-request');
    await page.goto('/portal/account');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-account');
  });

  test('the navigation and the account menu open from the header', async ({ page }, testInfo) => {
    const agent = await createUser('agent', 'Paula Phone');
    await signIn(page, agent.email, agent.password);
    await expect(page).toHaveURL('/');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation).toHaveCount(0);

    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect(navigation.getByRole('link', { name: 'My profile' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-navigation');
    await navigation.getByRole('link', { name: 'Customers', exact: true }).click();
    await expect(page).toHaveURL('/customers');
    await expect(navigation).toHaveCount(0);

    await page.getByRole('button', { name: `Account menu for ${agent.name}` }).click();
    await expect(page.getByRole('menuitem', { name: 'Switch to dark theme' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-account-menu');
    await page.getByRole('menuitem', { name: 'My profile' }).click();
    await expect(page).toHaveURL('/profile');
  });

  test('an agent opens a ticket from the list, reads it, opens its properties and goes back', async ({
    page,
  }, testInfo) => {
    const data = await seed();
    const agent = await createUser('agent', 'Theo Phone');
    await signIn(page, agent.email, agent.password);
    await expect(page).toHaveURL('/');
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await openFromMainNav(page, 'Inbox');
    await page.getByRole('button', { name: 'Show views' }).click();
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: /^All tickets/ })
      .click();
    const list = page.getByRole('region', { name: 'Ticket list' });
    await list.getByRole('link', { name: `#${data.ticketId} ${data.subject}` }).click();

    // One pane: the ticket alone, its conversation on screen, its properties out of the way.
    await expect(page).toHaveURL(`/inbox/all/tickets/${data.ticketId}`);
    const ticket = page.getByRole('article', { name: `Ticket #${data.ticketId}` });
    await expect(list).toHaveCount(0);
    await expect(ticket.getByText('Our March invoice lists 19% VAT')).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Ticket properties' })).toHaveCount(0);
    await expectFitsWindow(page, testInfo, 'phone-flow-ticket');

    await ticket.getByRole('button', { name: 'Properties' }).click();
    const drawer = page.getByRole('dialog', { name: `Ticket #${data.ticketId}` });
    await expect(drawer.getByRole('region', { name: 'Ticket properties' })).toBeVisible();
    await expect(drawer.getByRole('combobox', { name: 'Priority' })).toBeInViewport();
    await expectFitsWindow(page, testInfo, 'phone-flow-properties');
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);

    await ticket.getByRole('button', { name: 'Back to the list' }).click();
    await expect(page).toHaveURL('/inbox/all');
    await expect(list.getByRole('link', { name: `#${data.ticketId} ${data.subject}` })).toBeVisible();
    await expect(ticket).toHaveCount(0);
  });
});

test.describe('on a laptop', () => {
  test.use({ viewport: laptop });

  staffPagesFit('laptop');

  test('the inbox shows the list, the ticket and its properties side by side', async ({ page }, testInfo) => {
    const data = await seed();
    await signIn(page, e2eAdmin.email, e2eAdmin.password);
    await expect(page).toHaveURL('/');
    await page.goto(`/inbox/all/tickets/${data.ticketId}`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ticket list' })).toBeVisible();
    const ticket = page.getByRole('article', { name: `Ticket #${data.ticketId}` });
    await expect(ticket.getByText('Our March invoice lists 19% VAT')).toBeVisible();
    await expect(ticket.getByRole('region', { name: 'Ticket properties' })).toBeVisible();
    await expect(ticket.getByRole('button', { name: 'Properties' })).toHaveCount(0);
    await expect(ticket.getByRole('button', { name: 'Close ticket' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Toggle navigation' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'laptop-inbox-ticket');
  });
});
