import { z } from 'zod';
import { idParam, page } from '../../../contracts/common';
import {
  createCustomerBody,
  createCustomerNoteBody,
  createOrganizationBody,
  customerNoteSchema,
  customerSchema,
  listCustomersQuery,
  listOrganizationsQuery,
  mergeCustomersBody,
  organizationSchema,
  timelineItem,
  updateCustomerBody,
  updateOrganizationBody,
} from '../../../contracts/customers';

export const customersSchemas = {
  list: { querystring: listCustomersQuery, response: page(customerSchema) },
  create: { body: createCustomerBody, response: customerSchema },
  get: { params: idParam, response: customerSchema },
  update: { params: idParam, body: updateCustomerBody, response: customerSchema },
  merge: { params: idParam, body: mergeCustomersBody, response: customerSchema },
  notes: { params: idParam, response: z.object({ data: z.array(customerNoteSchema) }) },
  addNote: { params: idParam, body: createCustomerNoteBody, response: customerNoteSchema },
  timeline: { params: idParam, response: z.object({ data: z.array(timelineItem) }) },
};

export const organizationsSchemas = {
  list: { querystring: listOrganizationsQuery, response: page(organizationSchema) },
  create: { body: createOrganizationBody, response: organizationSchema },
  get: { params: idParam, response: organizationSchema },
  update: { params: idParam, body: updateOrganizationBody, response: organizationSchema },
};
