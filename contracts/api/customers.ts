import { z } from 'zod';
import { idParam, page } from '../common';
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
} from '../customers';
import { route } from './route';

export const customersPage = page(customerSchema);
export const customerNotes = z.object({ data: z.array(customerNoteSchema) });
export const customerTimeline = z.object({ data: z.array(timelineItem) });
export const organizationsPage = page(organizationSchema);

export const customersRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/customers',
    querystring: listCustomersQuery,
    response: customersPage,
  }),
  create: route({
    method: 'POST',
    path: '/api/v1/customers',
    body: createCustomerBody,
    response: customerSchema,
  }),
  get: route({ method: 'GET', path: '/api/v1/customers/:id', params: idParam, response: customerSchema }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/customers/:id',
    params: idParam,
    body: updateCustomerBody,
    response: customerSchema,
  }),
  merge: route({
    method: 'POST',
    path: '/api/v1/customers/:id/merges',
    params: idParam,
    body: mergeCustomersBody,
    response: customerSchema,
  }),
  notes: route({
    method: 'GET',
    path: '/api/v1/customers/:id/notes',
    params: idParam,
    response: customerNotes,
  }),
  addNote: route({
    method: 'POST',
    path: '/api/v1/customers/:id/notes',
    params: idParam,
    body: createCustomerNoteBody,
    response: customerNoteSchema,
  }),
  timeline: route({
    method: 'GET',
    path: '/api/v1/customers/:id/timeline',
    params: idParam,
    response: customerTimeline,
  }),
};

export const organizationsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/organizations',
    querystring: listOrganizationsQuery,
    response: organizationsPage,
  }),
  create: route({
    method: 'POST',
    path: '/api/v1/organizations',
    body: createOrganizationBody,
    response: organizationSchema,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/organizations/:id',
    params: idParam,
    response: organizationSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/organizations/:id',
    params: idParam,
    body: updateOrganizationBody,
    response: organizationSchema,
  }),
};
