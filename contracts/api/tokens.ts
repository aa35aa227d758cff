import { idParam, page } from '../common';
import { apiTokenSchema, createApiTokenBody, createdApiToken, listApiTokensQuery } from '../tokens';
import { route } from './route';

export const apiTokensPage = page(apiTokenSchema);

export const tokensRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/api-tokens',
    querystring: listApiTokensQuery,
    response: apiTokensPage,
  }),
  create: route({
    method: 'POST',
    path: '/api/v1/api-tokens',
    body: createApiTokenBody,
    response: createdApiToken,
  }),
  revoke: route({
    method: 'DELETE',
    path: '/api/v1/api-tokens/:id',
    params: idParam,
    response: apiTokenSchema,
  }),
};
