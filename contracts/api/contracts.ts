import { idParam } from '../common';
import {
  contractSchema,
  contractsList,
  contractsQuery,
  createContractBody,
  ticketContractSchema,
  updateContractBody,
} from '../service-contracts';
import { noContent, route } from './route';

const path = '/api/v1/contracts';

export const contractsRoutes = {
  list: route({ method: 'GET', path, querystring: contractsQuery, response: contractsList }),
  create: route({ method: 'POST', path, body: createContractBody, response: contractSchema }),
  get: route({ method: 'GET', path: `${path}/:id`, params: idParam, response: contractSchema }),
  update: route({
    method: 'PATCH',
    path: `${path}/:id`,
    params: idParam,
    body: updateContractBody,
    response: contractSchema,
  }),
  remove: route({ method: 'DELETE', path: `${path}/:id`, params: idParam, response: noContent }),
  ofTicket: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/contract',
    params: idParam,
    response: ticketContractSchema,
  }),
};
