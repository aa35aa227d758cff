import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common';
import {
  categorySchema,
  createCategoryBody,
  createCustomFieldBody,
  customFieldSchema,
  updateCategoryBody,
  updateCustomFieldBody,
} from '../../../contracts/tickets';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import type { TicketFieldsService } from './ticket-fields.service';

const read = { access: 'tickets.read' } as const;
const manage = { access: 'ticket-fields.manage' } as const;

export const ticketFieldsRoutes: FastifyPluginAsyncZod<{ fields: TicketFieldsService }> = async (
  app,
  { fields },
) => {
  const tags = ['categories'];
  app.get(
    '/api/v1/categories',
    {
      config: read,
      schema: {
        tags,
        summary: 'The category tree, flattened with paths',
        response: { 200: z.object({ data: z.array(categorySchema) }), ...protectedErrors },
      },
    },
    async (req) => ({
      data: await fields.categories(ctx(req)),
    }),
  );
  app.post(
    '/api/v1/categories',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a category',
        body: createCategoryBody,
        response: { 201: categorySchema, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await fields.createCategory(ctx(req), req.body)),
  );
  app.patch(
    '/api/v1/categories/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rename, move or archive a category',
        params: idParam,
        body: updateCategoryBody,
        response: { 200: categorySchema, ...withNotFound },
      },
    },
    (req) => fields.updateCategory(ctx(req), req.params.id, req.body),
  );

  const fieldTags = ['custom fields'];
  app.get(
    '/api/v1/custom-fields',
    {
      config: read,
      schema: {
        tags: fieldTags,
        summary: 'Custom ticket fields',
        response: { 200: z.object({ data: z.array(customFieldSchema) }), ...protectedErrors },
      },
    },
    async (req) => ({
      data: await fields.customFields(ctx(req)),
    }),
  );
  app.post(
    '/api/v1/custom-fields',
    {
      config: manage,
      schema: {
        tags: fieldTags,
        summary: 'Define a custom field for some or all ticket types',
        body: createCustomFieldBody,
        response: { 201: customFieldSchema, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await fields.createCustomField(ctx(req), req.body)),
  );
  app.patch(
    '/api/v1/custom-fields/:id',
    {
      config: manage,
      schema: {
        tags: fieldTags,
        summary: 'Change or archive a custom field',
        params: idParam,
        body: updateCustomFieldBody,
        response: { 200: customFieldSchema, ...withNotFound },
      },
    },
    (req) => fields.updateCustomField(ctx(req), req.params.id, req.body),
  );
};
