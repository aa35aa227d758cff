import { expect, it } from 'vitest';
import type { Contract, TicketContract } from '../../../contracts/service-contracts';
import type { SlaPolicy, TicketSla } from '../../../contracts/sla';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { insertOrganization } from '../../seed/factories';
import { remindContractReviews } from './contracts.reminders';

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describeApi('contracts', (t) => {
  const send = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  async function organization(name = 'Northwind Logistics') {
    return insertOrganization(t.handle.db, {
      name,
      domains: [`${name.toLowerCase().replace(/\W+/g, '')}.example`],
    });
  }

  async function createContract(auth: Auth, body: object): Promise<Contract> {
    const res = await send(auth, 'POST', '/api/v1/contracts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Contract;
  }

  it('a manager records a contract; its status, review date and this month’s ticket usage follow from it', async () => {
    const manager = await t.signIn('manager');
    const orgId = await organization();
    const contract = await createContract(manager, {
      organizationId: orgId,
      plan: 'Premium',
      startsOn: dateIn(-300),
      endsOn: dateIn(20),
      entitlement: { kind: 'tickets', perMonth: 1 },
      ownerId: manager.userId,
      reviewDaysBefore: 30,
    });
    expect(contract).toMatchObject({
      organization: { id: orgId, name: 'Northwind Logistics' },
      status: 'active',
      reviewDue: true,
      reviewOn: dateIn(-10),
      usage: { used: 0, included: 1, over: false },
      owner: { id: manager.userId },
    });
    const agent = await t.signIn('agent');
    for (const subject of ['Pallet missing', 'Invoice wrong'])
      await openTicket(t, agent, {
        subject,
        requester: { email: 'ops@northwindlogistics.example', name: 'Ops' },
      });
    const read = (await send(agent, 'GET', `/api/v1/contracts/${contract.id}`)).json() as Contract;
    expect(read.usage).toMatchObject({ used: 2, included: 1, over: true });
    const due = (await send(agent, 'GET', '/api/v1/contracts?reviewDue=true')).json().data as Contract[];
    expect(due.map((c) => c.id)).toEqual([contract.id]);
    expect((await send(agent, 'POST', '/api/v1/contracts', { organizationId: orgId })).statusCode).toBe(403);
  });

  it('flags an expired contract and usage past the entitlement on the organisation’s tickets', async () => {
    const manager = await t.signIn('manager');
    const orgId = await organization();
    await createContract(manager, {
      organizationId: orgId,
      plan: 'Basic',
      startsOn: dateIn(-400),
      endsOn: dateIn(-35),
      entitlement: { kind: 'tickets', perMonth: 50 },
    });
    const ticket = await openTicket(t, manager, {
      requester: { email: 'ana@northwindlogistics.example', name: 'Ana' },
    });
    const flagged = (
      await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/contract`)
    ).json() as TicketContract;
    expect(flagged.contract?.status).toBe('expired');
    expect(flagged.flags).toEqual({ expired: true, overEntitlement: false });
    const other = await openTicket(t, manager, { requester: { email: 'someone@elsewhere.example' } });
    expect((await send(manager, 'GET', `/api/v1/tickets/${other.id}/contract`)).json()).toEqual({
      contract: null,
      flags: { expired: false, overEntitlement: false },
    });
  });

  it('refuses a contract that ends before it starts or names what does not exist, and saves nothing', async () => {
    const manager = await t.signIn('manager');
    const orgId = await organization();
    const customer = await t.signIn('customer');
    const base = { organizationId: orgId, plan: 'Basic', startsOn: dateIn(0), endsOn: dateIn(365) };
    const cases: object[] = [
      { ...base, endsOn: dateIn(-1) },
      { ...base, organizationId: 999_999 },
      { ...base, slaPolicyId: 999_999 },
      { ...base, ownerId: customer.userId },
      { ...base, startsOn: '2026-02-30' },
      { ...base, entitlement: { kind: 'minutes', perMonth: 3 } },
    ];
    for (const body of cases) {
      const res = await send(manager, 'POST', '/api/v1/contracts', body);
      expect(res.statusCode, res.body).toBe(400);
    }
    const created = await createContract(manager, base);
    const bad = await send(manager, 'PATCH', `/api/v1/contracts/${created.id}`, { endsOn: dateIn(-10) });
    expect(bad.statusCode).toBe(400);
    expect((await send(manager, 'GET', '/api/v1/contracts')).json().data).toHaveLength(1);
    expect((await send(manager, 'GET', '/api/v1/contracts/999999')).statusCode).toBe(404);
  });

  it('reminds the owner and the managers of a due renewal review once, and again after the end moves', async () => {
    const manager = await t.signIn('manager');
    const owner = await t.signIn('agent');
    const orgId = await organization();
    const contract = await createContract(manager, {
      organizationId: orgId,
      plan: 'Premium',
      startsOn: dateIn(-300),
      endsOn: dateIn(10),
      ownerId: owner.userId,
      reviewDaysBefore: 14,
    });
    await createContract(manager, {
      organizationId: orgId,
      plan: 'Later',
      startsOn: dateIn(11),
      endsOn: dateIn(400),
    });
    expect(await remindContractReviews(t.handle.db)).toBe(1);
    expect(await remindContractReviews(t.handle.db)).toBe(0);
    const bells = await t.handle.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'detail'])
      .execute();
    expect(bells.map((b) => b.user_id).sort()).toEqual([manager.userId, owner.userId].sort());
    expect(bells[0]).toMatchObject({
      kind: 'contract_review',
      detail: `Northwind Logistics · Premium, ends ${dateIn(10)}`,
    });
    await send(manager, 'PATCH', `/api/v1/contracts/${contract.id}`, { endsOn: dateIn(12) });
    expect(await remindContractReviews(t.handle.db)).toBe(1);
  });

  it('puts the organisation’s tickets under the policy its running contract names, and matches policies by plan', async () => {
    const manager = await t.signIn('manager');
    const policy = async (body: object) =>
      (await send(manager, 'POST', '/api/v1/sla-policies', body)).json() as SlaPolicy;
    const target = { normal: { first_reply: { minutes: 60, businessHours: false } } };
    await policy({ name: 'Standard', targets: target });
    const gold = await policy({ name: 'Gold plan', conditions: { plan: ['Gold'] }, targets: target });
    const named = await policy({
      name: 'Named in contract',
      conditions: { channel: ['phone'] },
      targets: target,
    });
    const goldOrg = await organization('Gold Corp');
    const namedOrg = await organization('Named Ltd');
    await createContract(manager, {
      organizationId: goldOrg,
      plan: 'Gold',
      startsOn: dateIn(-1),
      endsOn: dateIn(30),
    });
    await createContract(manager, {
      organizationId: namedOrg,
      plan: 'Silver',
      slaPolicyId: named.id,
      startsOn: dateIn(-1),
      endsOn: dateIn(30),
    });
    // The standard policy comes first; reordering puts the gold plan ahead.
    await send(manager, 'PATCH', `/api/v1/sla-policies/${gold.id}`, { active: true });
    const policyOf = async (email: string) => {
      const ticket = await openTicket(t, manager, {
        requester: { email, name: 'Someone' },
        type: 'question',
      });
      return ((await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/sla`)).json() as TicketSla).policy
        ?.name;
    };
    expect(await policyOf('a@namedltd.example')).toBe('Named in contract');
    expect(await policyOf('b@goldcorp.example')).toBe('Standard');
    const list = (await send(manager, 'GET', '/api/v1/sla-policies')).json().data as SlaPolicy[];
    await send(manager, 'PUT' as 'POST', '/api/v1/sla-policies/order', {
      ids: [gold.id, ...list.filter((p) => p.id !== gold.id).map((p) => p.id)],
    });
    expect(await policyOf('c@goldcorp.example')).toBe('Gold plan');
  });
});
