import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { adminApi, createTicket, openFromMainNav, signIn, unique } from './helpers';

test('a reply without a mail server shows as logged, and admins find failed background work', async ({
  page,
}) => {
  const subject = `Logged reply ${unique()}`;
  const ticket = await createTicket({
    subject,
    message: 'My order has not arrived.',
    requester: { email: `logged.${unique()}@example.test`, name: 'Lou Logged' },
  });
  const api = await adminApi();
  await api.request('POST', `/tickets/${ticket.id}/messages`, { body: 'It is on its way.' });

  // The notifier and the outbox run every two seconds; no SMTP_URL is set for the browser tests.
  const deliveryStatus = async () =>
    (
      await api.request<{ data: { kind: string; delivery: { status: string } | null }[] }>(
        'GET',
        `/tickets/${ticket.id}/messages`,
      )
    ).data.find((m) => m.kind === 'reply')?.delivery?.status;
  await expect.poll(deliveryStatus, { timeout: 30_000 }).toBe('logged');

  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL('/');
  await page.goto(`/inbox/all/tickets/${ticket.id}`);
  await expect(page.getByText('Logged (no mail server configured)')).toBeVisible();
  await expect(page.getByText(/Sent to logged\./)).toHaveCount(0);

  await openFromMainNav(page, 'Background jobs');
  await expect(page).toHaveURL('/admin/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Background jobs' })).toBeVisible();
  await expect(page.getByText('Nothing stopped')).toBeVisible();
  await page.getByText(/^Retrying/).click();
  await expect(page).toHaveURL('/admin/jobs?status=retrying');
  await expect(page.getByText('Nothing waiting for a retry')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/admin/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Background jobs' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
