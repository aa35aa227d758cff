import { idParam } from '../../../contracts/common';
import {
  contractSchema,
  contractsList,
  contractsQuery,
  createContractBody,
  ticketContractSchema,
  updateContractBody,
} from '../../../contracts/service-contracts';

export const contractsSchemas = {
  list: { querystring: contractsQuery, response: contractsList },
  create: { body: createContractBody, response: contractSchema },
  get: { params: idParam, response: contractSchema },
  update: { params: idParam, body: updateContractBody, response: contractSchema },
  remove: { params: idParam },
  ofTicket: { params: idParam, response: ticketContractSchema },
};
