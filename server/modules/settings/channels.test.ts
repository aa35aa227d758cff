import { expect, it } from 'vitest';
import type { ChannelSettings } from '../../../contracts/settings';
import type { Ticket } from '../../../contracts/tickets';
import { type Auth, describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';

describeApi('where new requests of each channel go', (t) => {
  const create = async (auth: Auth, url: string, payload: Record<string, unknown>) =>
    (await t.request(auth, { method: 'POST', url, payload })).json() as { id: number };
  const patch = (auth: Auth, payload: Record<string, unknown>) =>
    t.request(auth, { method: 'PATCH', url: '/api/v1/settings/channels', payload });
  const settings = async (auth: Auth) =>
    (await t.request(auth, { method: 'GET', url: '/api/v1/settings/channels' })).json() as ChannelSettings;
  const ticket = async (auth: Auth, id: number) =>
    (await t.request(auth, { method: 'GET', url: `/api/v1/tickets/${id}` })).json() as Ticket;

  async function customerSession(admin: Auth, email: string) {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, name: 'Pat Customer', role: 'customer', password: TEST_PASSWORD },
    });
    return sessionFrom(await t.login(email, TEST_PASSWORD), res.json().id);
  }
  const contactForm = async (admin: Auth) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/contact',
      payload: {
        name: 'Web Visitor',
        email: 'visitor@site.example',
        subject: 'Norway?',
        message: 'Do you ship?',
      },
    });
    return ticket(admin, Number(res.json().reference.slice(1)));
  };

  it('sends contact-form and portal requests to the team and category an admin set', async () => {
    const admin = await t.signIn('admin');
    expect(await settings(admin)).toEqual({
      contactForm: { teamId: null, categoryId: null },
      portal: { teamId: null, categoryId: null },
    });
    const frontline = await create(admin, '/api/v1/teams', { name: 'Frontline' });
    const web = await create(admin, '/api/v1/teams', { name: 'Web' });
    const orders = await create(admin, '/api/v1/categories', { name: 'Orders' });
    const saved = await patch(admin, {
      portal: { teamId: frontline.id, categoryId: orders.id },
      contactForm: { teamId: web.id },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      contactForm: { teamId: web.id, categoryId: null },
      portal: { teamId: frontline.id, categoryId: orders.id },
    });
    // A change to one field keeps the other.
    await patch(admin, { contactForm: { categoryId: orders.id } });
    expect((await settings(admin)).contactForm).toEqual({ teamId: web.id, categoryId: orders.id });
    const audit = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?entityType=settings' });
    expect(JSON.stringify(audit.json())).toContain('channels');

    const pat = await customerSession(admin, 'pat@customer.example');
    const portal = await t.request(pat, {
      method: 'POST',
      url: '/api/v1/portal/tickets',
      payload: { subject: 'Where is my parcel?', body: 'It has been two weeks.' },
    });
    expect(portal.statusCode).toBe(201);
    expect(await ticket(admin, portal.json().id)).toMatchObject({
      channel: 'portal',
      team: { id: frontline.id, name: 'Frontline' },
      category: { id: orders.id, name: 'Orders' },
    });
    expect(await contactForm(admin)).toMatchObject({
      channel: 'web',
      team: { id: web.id, name: 'Web' },
      category: { id: orders.id },
    });
    const teamQueue = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/tickets?filters=${encodeURIComponent(JSON.stringify({ team: [frontline.id] }))}`,
    });
    expect(teamQueue.json().data.map((x: Ticket) => x.subject)).toEqual(['Where is my parcel?']);
  });

  it('refuses an unknown team or an archived category and changes nothing', async () => {
    const admin = await t.signIn('admin');
    const old = await create(admin, '/api/v1/categories', { name: 'Old' });
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/categories/${old.id}`,
      payload: { archived: true },
    });
    const unknownTeam = await patch(admin, { portal: { teamId: 99999 } });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: ['portal', 'teamId'] }] },
    });
    const archived = await patch(admin, { contactForm: { categoryId: old.id } });
    expect(archived.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: ['contactForm', 'categoryId'] }] },
    });
    const notAnId = await patch(admin, { portal: { teamId: 'Frontline' } });
    expect(notAnId.statusCode).toBe(400);
    expect(await settings(admin)).toEqual({
      contactForm: { teamId: null, categoryId: null },
      portal: { teamId: null, categoryId: null },
    });
  });

  it('forgets a team deleted since, and requests still arrive', async () => {
    const admin = await t.signIn('admin');
    const team = await create(admin, '/api/v1/teams', { name: 'Gone soon' });
    const category = await create(admin, '/api/v1/categories', { name: 'Retired soon' });
    await patch(admin, { contactForm: { teamId: team.id, categoryId: category.id } });
    await t.request(admin, { method: 'DELETE', url: `/api/v1/teams/${team.id}` });
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/categories/${category.id}`,
      payload: { archived: true },
    });
    expect((await settings(admin)).contactForm).toEqual({ teamId: null, categoryId: null });
    expect(await contactForm(admin)).toMatchObject({ team: null, category: null });
  });
});
