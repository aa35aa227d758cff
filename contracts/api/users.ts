import { idParam, okBody, page } from '../common';
import { createUserBody, listUsersQuery, resetPasswordBody, updateUserBody, userSchema } from '../users';
import { route } from './route';

export const usersPage = page(userSchema);

export const usersRoutes = {
  list: route({ method: 'GET', path: '/api/v1/users', querystring: listUsersQuery, response: usersPage }),
  create: route({ method: 'POST', path: '/api/v1/users', body: createUserBody, response: userSchema }),
  get: route({ method: 'GET', path: '/api/v1/users/:id', params: idParam, response: userSchema }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    params: idParam,
    body: updateUserBody,
    response: userSchema,
  }),
  setPassword: route({
    method: 'PUT',
    path: '/api/v1/users/:id/password',
    params: idParam,
    body: resetPasswordBody,
    response: okBody,
  }),
  resetTwoFactor: route({
    method: 'DELETE',
    path: '/api/v1/users/:id/two-factor',
    params: idParam,
    response: userSchema,
  }),
  signOut: route({ method: 'DELETE', path: '/api/v1/users/:id/sessions', params: idParam, response: okBody }),
};
