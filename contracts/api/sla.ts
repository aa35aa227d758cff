import { idParam } from '../common';
import {
  createSlaPolicyBody,
  orderSlaPoliciesBody,
  slaDryRunBody,
  slaDryRunResult,
  slaPoliciesList,
  slaPolicySchema,
  ticketSlaSchema,
  updateSlaPolicyBody,
} from '../sla';
import { noContent, route } from './route';

const path = '/api/v1/sla-policies';

export const slaRoutes = {
  list: route({ method: 'GET', path, response: slaPoliciesList }),
  create: route({ method: 'POST', path, body: createSlaPolicyBody, response: slaPolicySchema }),
  order: route({
    method: 'PUT',
    path: `${path}/order`,
    body: orderSlaPoliciesBody,
    response: slaPoliciesList,
  }),
  dryRun: route({ method: 'POST', path: `${path}/dry-run`, body: slaDryRunBody, response: slaDryRunResult }),
  get: route({ method: 'GET', path: `${path}/:id`, params: idParam, response: slaPolicySchema }),
  update: route({
    method: 'PATCH',
    path: `${path}/:id`,
    params: idParam,
    body: updateSlaPolicyBody,
    response: slaPolicySchema,
  }),
  remove: route({ method: 'DELETE', path: `${path}/:id`, params: idParam, response: noContent }),
  ofTicket: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/sla',
    params: idParam,
    response: ticketSlaSchema,
  }),
};
