import { idParam } from '../../../contracts/common';
import {
  createSlaPolicyBody,
  orderSlaPoliciesBody,
  slaDryRunBody,
  slaDryRunResult,
  slaPoliciesList,
  slaPolicySchema,
  ticketSlaSchema,
  updateSlaPolicyBody,
} from '../../../contracts/sla';

export const slaSchemas = {
  list: { response: slaPoliciesList },
  create: { body: createSlaPolicyBody, response: slaPolicySchema },
  order: { body: orderSlaPoliciesBody, response: slaPoliciesList },
  dryRun: { body: slaDryRunBody, response: slaDryRunResult },
  get: { params: idParam, response: slaPolicySchema },
  update: { params: idParam, body: updateSlaPolicyBody, response: slaPolicySchema },
  remove: { params: idParam },
  ofTicket: { params: idParam, response: ticketSlaSchema },
};
