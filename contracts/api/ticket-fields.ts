import { z } from 'zod';
import { idParam } from '../common';
import {
  channelSettingsSchema,
  ticketSettingsSchema,
  updateChannelSettingsBody,
  updateTicketSettingsBody,
} from '../settings';
import {
  categorySchema,
  createCategoryBody,
  createCustomFieldBody,
  customFieldSchema,
  updateCategoryBody,
  updateCustomFieldBody,
} from '../tickets';
import { route } from './route';

export const categoryList = z.object({ data: z.array(categorySchema) });
export const customFieldList = z.object({ data: z.array(customFieldSchema) });

/** Categories, custom fields and the ticket settings: what shapes every ticket. */
export const ticketFieldsRoutes = {
  categories: route({ method: 'GET', path: '/api/v1/categories', response: categoryList }),
  createCategory: route({
    method: 'POST',
    path: '/api/v1/categories',
    body: createCategoryBody,
    response: categorySchema,
  }),
  updateCategory: route({
    method: 'PATCH',
    path: '/api/v1/categories/:id',
    params: idParam,
    body: updateCategoryBody,
    response: categorySchema,
  }),
  customFields: route({ method: 'GET', path: '/api/v1/custom-fields', response: customFieldList }),
  createCustomField: route({
    method: 'POST',
    path: '/api/v1/custom-fields',
    body: createCustomFieldBody,
    response: customFieldSchema,
  }),
  updateCustomField: route({
    method: 'PATCH',
    path: '/api/v1/custom-fields/:id',
    params: idParam,
    body: updateCustomFieldBody,
    response: customFieldSchema,
  }),
  settings: route({ method: 'GET', path: '/api/v1/settings/tickets', response: ticketSettingsSchema }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/v1/settings/tickets',
    body: updateTicketSettingsBody,
    response: ticketSettingsSchema,
  }),
  channelSettings: route({
    method: 'GET',
    path: '/api/v1/settings/channels',
    response: channelSettingsSchema,
  }),
  updateChannelSettings: route({
    method: 'PATCH',
    path: '/api/v1/settings/channels',
    body: updateChannelSettingsBody,
    response: channelSettingsSchema,
  }),
};
