import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../contracts/api';
import { stubNetwork } from '../test/network';
import { api, holdRequests, resumeRequests } from './api';

describe('requests while signing out', () => {
  afterEach(() => {
    resumeRequests();
    vi.unstubAllGlobals();
  });

  it('sends no signed-in request while held, lets sign-out through, and sends again once resumed', async () => {
    const network = stubNetwork({
      'GET /me/notifications': { data: [], unread: 0 },
      'POST /auth/logout': { ok: true },
    });
    holdRequests();
    await expect(api.call(routes.profile.notifications)).rejects.toMatchObject({ name: 'AbortError' });
    expect(network.callsTo('GET /me/notifications')).toHaveLength(0);
    await api.call(routes.auth.logout);
    expect(network.callsTo('POST /auth/logout')).toHaveLength(1);
    resumeRequests();
    await api.call(routes.profile.notifications);
    expect(network.callsTo('GET /me/notifications')).toHaveLength(1);
  });
});
