import type { Auth, TestApp } from './app';

/**
 * A small desk for goals and scorecards: an admin, a manager, team Alpha led by Lena with Max
 * in it, and team Beta with Olga and no lead.
 */
export async function teamsDesk(t: TestApp) {
  const admin = await t.signIn('admin');
  const manager = await t.signIn('manager');
  const lena = await t.signIn('agent', { name: 'Lena Lead' });
  const max = await t.signIn('agent', { name: 'Max Member' });
  const olga = await t.signIn('agent', { name: 'Olga Other' });
  const idOf = (a: Auth) => (a.kind === 'session' ? a.userId : 0);
  const team = async (name: string, members: Auth[], lead: Auth | null) => {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name, memberIds: members.map(idOf), leadId: lead ? idOf(lead) : null },
    });
    return res.json() as { id: number };
  };
  const alpha = await team('Alpha', [lena, max], lena);
  const beta = await team('Beta', [olga], null);
  return { admin, manager, lena, max, olga, alpha, beta, idOf };
}
