import { describe, expect, it } from 'vitest';
import type { User } from '../../../contracts/users';
import { describeApi, sessionFrom } from '../../../test/helpers/app';
import { insertTeam } from '../../seed/factories';

describeApi('users', (t) => {
  const create = (auth: Parameters<typeof t.request>[0], payload: Record<string, unknown>) =>
    t.request(auth, { method: 'POST', url: '/api/v1/users', payload });

  describe('create', () => {
    it('creates an agent with teams, skills and languages; the new user can sign in', async () => {
      const admin = await t.signIn('admin');
      const teamId = await insertTeam(t.handle.db, { name: 'Frontline' });
      const res = await create(admin, {
        email: 'New.Agent@Example.com',
        name: 'Nia Agent',
        role: 'agent',
        password: 'a-good-password',
        timezone: 'Europe/Berlin',
        skills: ['billing'],
        languages: ['en', 'de'],
        teamIds: [teamId],
      });
      expect(res.statusCode).toBe(201);
      const user = res.json() as User;
      expect(user).toMatchObject({
        email: 'new.agent@example.com',
        initials: 'NA',
        role: 'agent',
        status: 'active',
        skills: ['billing'],
        languages: ['en', 'de'],
        teams: [{ id: teamId, name: 'Frontline' }],
      });
      expect((await t.login('new.agent@example.com', 'a-good-password')).statusCode).toBe(200);
    });

    it('refuses a duplicate email with 409 and writes nothing', async () => {
      const admin = await t.signIn('admin', { email: 'boss@test.example' });
      const res = await create(admin, { email: 'BOSS@test.example', name: 'Copy', role: 'agent' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('EMAIL_TAKEN');
      expect(await t.handle.db.selectFrom('users').select('id').execute()).toHaveLength(1);
    });

    it('refuses unknown teams', async () => {
      const admin = await t.signIn('admin');
      const res = await create(admin, { email: 'x@test.example', name: 'X', role: 'agent', teamIds: [4242] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toEqual(['teamIds']);
    });

    it('managers create agents but not admins or managers', async () => {
      const manager = await t.signIn('manager');
      expect((await create(manager, { email: 'a@test.example', name: 'A', role: 'agent' })).statusCode).toBe(
        201,
      );
      const admin = await create(manager, { email: 'b@test.example', name: 'B', role: 'admin' });
      expect(admin.statusCode).toBe(403);
      expect(
        (await create(manager, { email: 'c@test.example', name: 'C', role: 'manager' })).statusCode,
      ).toBe(403);
    });

    it('records the creation in the audit log without the password', async () => {
      const admin = await t.signIn('admin');
      const res = await create(admin, {
        email: 'audited@test.example',
        name: 'Audited',
        role: 'agent',
        password: 'secret-password-1',
      });
      const audit = await t.request(admin, {
        method: 'GET',
        url: `/api/v1/audit-log?entityType=user&entityId=${res.json().id}`,
      });
      const entry = audit.json().data[0];
      expect(entry).toMatchObject({ action: 'user.created', actor: { type: 'user', id: admin.userId } });
      expect(entry.changes.email).toEqual({ before: null, after: 'audited@test.example' });
      expect(JSON.stringify(entry)).not.toContain('secret-password-1');
    });
  });

  describe('list', () => {
    it('pages by cursor and filters by role, team, status and text', async () => {
      const admin = await t.signIn('admin');
      const ids: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        ids.push(
          (await create(admin, { email: `p${i}@test.example`, name: `Person ${i}`, role: 'agent' })).json()
            .id,
        );
      }
      const teamId = await insertTeam(t.handle.db, { name: 'Night shift', memberIds: [ids[0]!, ids[1]!] });
      const first = await t.request(admin, { method: 'GET', url: '/api/v1/users?limit=4' });
      expect(first.json().data).toHaveLength(4);
      const second = await t.request(admin, {
        method: 'GET',
        url: `/api/v1/users?limit=4&cursor=${first.json().nextCursor}`,
      });
      expect(second.json().data).toHaveLength(2);
      expect(second.json().nextCursor).toBeNull();
      const all = [...first.json().data, ...second.json().data].map((u: User) => u.id);
      expect(new Set(all).size).toBe(6);

      const agents = await t.request(admin, { method: 'GET', url: '/api/v1/users?role=agent' });
      expect(agents.json().data).toHaveLength(5);
      const team = await t.request(admin, { method: 'GET', url: `/api/v1/users?teamId=${teamId}` });
      expect(
        team
          .json()
          .data.map((u: User) => u.id)
          .sort(),
      ).toEqual([ids[0], ids[1]].sort());
      const search = await t.request(admin, { method: 'GET', url: '/api/v1/users?q=person%203' });
      expect(search.json().data.map((u: User) => u.email)).toEqual(['p3@test.example']);
      await create(admin, { email: 'under_score@test.example', name: 'Under Score', role: 'agent' });
      await create(admin, { email: 'underxscore@test.example', name: 'Underx Score', role: 'agent' });
      const literal = await t.request(admin, { method: 'GET', url: '/api/v1/users?q=under_' });
      expect(literal.json().data.map((u: User) => u.email)).toEqual(['under_score@test.example']);
      const bad = await t.request(admin, { method: 'GET', url: '/api/v1/users?cursor=not-a-cursor' });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('update and deactivate', () => {
    it('deactivation ends the user’s sessions at once and hides them from the default list', async () => {
      const admin = await t.signIn('admin');
      const agent = await t.signIn('agent', { email: 'leaving@test.example' });
      expect((await t.request(agent, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
      const res = await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${agent.userId}`,
        payload: { status: 'deactivated' },
      });
      expect(res.json().status).toBe('deactivated');
      expect((await t.request(agent, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      expect((await t.login('leaving@test.example', 'test-password-123')).statusCode).toBe(401);
      const list = await t.request(admin, { method: 'GET', url: '/api/v1/users' });
      expect(list.json().data.map((u: User) => u.id)).not.toContain(agent.userId);
      const reactivated = await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${agent.userId}`,
        payload: { status: 'active' },
      });
      expect(reactivated.json().status).toBe('active');
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', String(agent.userId))
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['user.deactivated', 'user.updated']),
      );
    });

    it('keeps at least one active admin', async () => {
      const admin = await t.signIn('admin');
      const res = await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        payload: { role: 'agent' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('LAST_ADMIN');
    });

    it('a manager cannot edit an admin', async () => {
      const admin = await t.signIn('admin');
      const manager = await t.signIn('manager');
      const res = await t.request(manager, {
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        payload: { name: 'Hijacked' },
      });
      expect(res.statusCode).toBe(403);
    });

    it('records before and after of changed fields', async () => {
      const admin = await t.signIn('admin');
      const agent = await t.signIn('agent', { name: 'Old Name' });
      await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${agent.userId}`,
        payload: { name: 'New Name', skills: ['vip'] },
      });
      const entry = await t.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.updated')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.changes)).toEqual({
        name: { before: 'Old Name', after: 'New Name' },
        skills: { before: [], after: ['vip'] },
      });
    });

    it('admins reset passwords, which ends the user’s sessions', async () => {
      const admin = await t.signIn('admin');
      const agent = await t.signIn('agent', { email: 'forgot@test.example' });
      const res = await t.request(admin, {
        method: 'PUT',
        url: `/api/v1/users/${agent.userId}/password`,
        payload: { password: 'fresh-password-99' },
      });
      expect(res.statusCode).toBe(200);
      expect((await t.request(agent, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      const again = await t.login('forgot@test.example', 'fresh-password-99');
      expect(sessionFrom(again, agent.userId).cookie).toContain('steward_session=');
    });

    it('unknown users answer 404 with a clear code', async () => {
      const admin = await t.signIn('admin');
      const res = await t.request(admin, { method: 'GET', url: '/api/v1/users/424242' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('USER_NOT_FOUND');
    });
  });
});
