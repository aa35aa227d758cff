import { z } from 'zod';
import {
  changePasswordBody,
  loginBody,
  markNotificationsBody,
  meSchema,
  notificationsList,
  sessionInfo,
  sessionListItem,
  twoFactorDisableBody,
  twoFactorEnableBody,
  twoFactorSetup,
  updateMeBody,
} from '../auth';
import { okBody } from '../common';
import { route } from './route';

/** A session as its owner names it: the hash of its cookie. */
export const sessionIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'A session id') }).strict();
export const sessionList = z.object({ data: z.array(sessionListItem) });

export const authRoutes = {
  login: route({ method: 'POST', path: '/api/v1/auth/login', body: loginBody, response: sessionInfo }),
  logout: route({ method: 'POST', path: '/api/v1/auth/logout', response: okBody }),
  session: route({ method: 'GET', path: '/api/v1/auth/me', response: sessionInfo }),
};

/** The signed-in person's own profile, password, two-factor sign-in, notifications and sessions. */
export const profileRoutes = {
  update: route({ method: 'PATCH', path: '/api/v1/me', body: updateMeBody, response: meSchema }),
  changePassword: route({
    method: 'PUT',
    path: '/api/v1/me/password',
    body: changePasswordBody,
    response: okBody,
  }),
  setUpTwoFactor: route({ method: 'POST', path: '/api/v1/me/two-factor', response: twoFactorSetup }),
  enableTwoFactor: route({
    method: 'PUT',
    path: '/api/v1/me/two-factor',
    body: twoFactorEnableBody,
    response: meSchema,
  }),
  disableTwoFactor: route({
    method: 'DELETE',
    path: '/api/v1/me/two-factor',
    body: twoFactorDisableBody,
    response: meSchema,
  }),
  notifications: route({ method: 'GET', path: '/api/v1/me/notifications', response: notificationsList }),
  markNotifications: route({
    method: 'PATCH',
    path: '/api/v1/me/notifications',
    body: markNotificationsBody,
    response: okBody,
  }),
  sessions: route({ method: 'GET', path: '/api/v1/me/sessions', response: sessionList }),
  revokeSession: route({
    method: 'DELETE',
    path: '/api/v1/me/sessions/:id',
    params: sessionIdParam,
    response: okBody,
  }),
};
