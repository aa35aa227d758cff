import { expect, test } from './fixtures';
import { adminApi, createTicket, createUser, openFromMainNav, signIn, unique } from './helpers';

/**
 * Each visitor writes from an address of their own, as the reverse proxy reports it: the contact
 * form takes a few messages a minute from one address, and a run repeats these tests.
 */
function visitorAddress(): Record<string, string> {
  return { 'x-forwarded-for': `198.51.100.${1 + Math.floor(Math.random() * 254)}` };
}

test('a visitor sends the contact form without an account, and an agent finds the request in the inbox', async ({
  browser,
}) => {
  const agent = await createUser('agent', 'Vera Frontdesk');
  const word = `contact${unique()}`;
  const subject = `Do you offer discounts for schools ${word}`;
  const visitorEmail = `nina.${unique()}@visitor.test`;
  const message = 'We would like to order forty licences for our classrooms.';

  const visitorContext = await browser.newContext({ extraHTTPHeaders: visitorAddress() });
  const visitor = await visitorContext.newPage();
  await visitor.goto('/contact');
  await expect(visitor).toHaveURL('/contact');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Contact us' })).toBeVisible();
  await expect(visitor.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const form = visitor.getByRole('form', { name: 'Contact us' });

  // An incomplete form says what is missing and sends nothing.
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect(form.getByText('Tell us your name')).toBeVisible();
  await expect(form.getByText('Enter an email address we can answer')).toBeVisible();
  await expect(form.getByText('Write your message')).toBeVisible();

  await form.getByRole('textbox', { name: 'Your name' }).fill('Nina Visitor');
  await form.getByRole('textbox', { name: 'Your email' }).fill(visitorEmail);
  await form.getByRole('textbox', { name: 'Subject' }).fill(subject);
  await form.getByRole('textbox', { name: 'Message' }).fill(message);
  await form.getByRole('button', { name: 'Send message' }).click();

  const confirmation = visitor.getByRole('status');
  await expect(confirmation.getByRole('heading', { name: 'Thank you — we have your message' })).toBeVisible();
  await expect(confirmation).toContainText(`We'll answer by email at ${visitorEmail}.`);
  const reference = confirmation.getByLabel('Your reference');
  await expect(reference).toHaveText(/^#\d+$/);
  const ticketId = Number(((await reference.textContent()) ?? '').slice(1));
  await expect(form).toHaveCount(0);
  await visitorContext.close();

  const agentContext = await browser.newContext();
  const page = await agentContext.newPage();
  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await openFromMainNav(page, 'Inbox');
  await expect(page).toHaveURL(/\/inbox\/my-open/);
  await page.getByRole('button', { name: 'Show views' }).click();
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: /^Unassigned/ })
    .click();
  await expect(page).toHaveURL(/\/inbox\/unassigned/);
  await page.getByRole('textbox', { name: 'Search tickets' }).fill(word);
  // The search applies after a short pause; on a fresh install the list may already show one row.
  await expect(page).toHaveURL(new RegExp(`/inbox/unassigned\\?q=${word}$`));

  const list = page.getByRole('list', { name: 'Tickets' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('link', { name: `#${ticketId} ${subject}` }).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/unassigned/tickets/${ticketId}\\?q=${word}$`));
  const pane = page.getByRole('article', { name: `Ticket #${ticketId}` });
  await expect(pane.getByRole('heading', { name: `#${ticketId} ${subject}` })).toBeVisible();
  await expect(pane.getByText(message)).toBeVisible();
  await expect(pane.getByText(`Nina Visitor <${visitorEmail}> · via Web form`)).toBeVisible();
  await expect(pane.getByText('New', { exact: true }).first()).toBeVisible();
  await agentContext.close();
});

test('a robot that fills the hidden field is thanked like anyone, but no ticket is opened', async ({
  browser,
}) => {
  const word = `honeypot${unique()}`;
  const robotEmail = `bot.${unique()}@spam.test`;
  // A genuine ticket with the same word shows that the search below does find such tickets.
  const genuine = await createTicket({
    subject: `Genuine question ${word}`,
    message: 'Can I change my delivery slot?',
    requester: { email: `real.${unique()}@customer.test`, name: 'Rita Real' },
  });

  const context = await browser.newContext({ extraHTTPHeaders: visitorAddress() });
  const robot = await context.newPage();
  await robot.goto('/contact');
  const form = robot.getByRole('form', { name: 'Contact us' });
  await form.getByRole('textbox', { name: 'Your name' }).fill('Cheap Pills');
  await form.getByRole('textbox', { name: 'Your email' }).fill(robotEmail);
  await form.getByRole('textbox', { name: 'Subject' }).fill(`Best prices online ${word}`);
  await form.getByRole('textbox', { name: 'Message' }).fill(`Visit our shop today ${word}`);
  // People never see this field; robots fill in every field they find.
  const website = form.getByLabel('Website');
  await expect(website).not.toBeInViewport();
  await website.fill('https://pills.spam.test');
  await form.getByRole('button', { name: 'Send message' }).click();

  const confirmation = robot.getByRole('status');
  await expect(confirmation.getByRole('heading', { name: 'Thank you — we have your message' })).toBeVisible();
  await expect(confirmation.getByLabel('Your reference')).not.toBeEmpty();
  await context.close();

  const api = await adminApi();
  const tickets = await api.request<{ data: { id: number }[] }>(
    'GET',
    `/tickets?q=${encodeURIComponent(word)}`,
  );
  expect(tickets.data.map((t) => t.id)).toEqual([genuine.id]);
  const customers = await api.request<{ data: unknown[] }>(
    'GET',
    `/customers?q=${encodeURIComponent(robotEmail)}`,
  );
  expect(customers.data).toEqual([]);
});
