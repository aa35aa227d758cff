import { idParam, page } from '../../../contracts/common';
import {
  apiTokenSchema,
  createApiTokenBody,
  createdApiToken,
  listApiTokensQuery,
} from '../../../contracts/tokens';

export const tokensSchemas = {
  list: { querystring: listApiTokensQuery, response: page(apiTokenSchema) },
  create: { body: createApiTokenBody, response: createdApiToken },
  revoke: { params: idParam, response: apiTokenSchema },
};
