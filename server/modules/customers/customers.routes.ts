import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { organizationsSchemas as o, customersSchemas as s } from './customers.schemas';
import type { CustomersService } from './customers.service';
import type { OrganizationsService } from './organizations.service';

const tags = ['customers'];

export const customersRoutes: FastifyPluginAsyncZod<{
  customers: CustomersService;
  organizations: OrganizationsService;
}> = async (app, { customers, organizations }) => {
  const read = { access: 'customers.read' } as const;
  const write = { access: 'customers.write' } as const;

  app.get(
    '/api/v1/customers',
    {
      config: read,
      schema: {
        tags,
        summary: 'List and search customers',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => customers.list(ctx(req), req.query),
  );
  app.post(
    '/api/v1/customers',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a customer',
        body: s.create.body,
        response: { 201: s.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await customers.create(ctx(req), req.body)),
  );
  app.get(
    '/api/v1/customers/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a customer',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => customers.get(ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/customers/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Update a customer',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withConflict },
      },
    },
    (req) => customers.update(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/customers/:id/merges',
    {
      config: { access: 'customers.merge' },
      schema: {
        tags,
        summary: 'Merge duplicate customers into this one',
        params: s.merge.params,
        body: s.merge.body,
        response: { 200: s.merge.response, ...withConflict },
      },
    },
    (req) => customers.merge(ctx(req), req.params.id, req.body.sourceIds),
  );
  app.get(
    '/api/v1/customers/:id/notes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Notes about a customer',
        params: s.notes.params,
        response: { 200: s.notes.response, ...withNotFound },
      },
    },
    async (req) => ({
      data: await customers.notes(ctx(req), req.params.id),
    }),
  );
  app.post(
    '/api/v1/customers/:id/notes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a note about a customer',
        params: s.addNote.params,
        body: s.addNote.body,
        response: { 201: s.addNote.response, ...withNotFound },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await customers.addNote(ctx(req), req.params.id, req.body.body)),
  );
  app.get(
    '/api/v1/customers/:id/timeline',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every ticket and note of a customer, newest first',
        params: s.timeline.params,
        response: { 200: s.timeline.response, ...withNotFound },
      },
    },
    async (req) => ({ data: await customers.timeline(ctx(req), req.params.id) }),
  );

  const orgTags = ['organizations'];
  const orgWrite = { access: 'organizations.write' } as const;
  app.get(
    '/api/v1/organizations',
    {
      config: read,
      schema: {
        tags: orgTags,
        summary: 'List organisations',
        querystring: o.list.querystring,
        response: { 200: o.list.response, ...protectedErrors },
      },
    },
    (req) => organizations.list(ctx(req), req.query),
  );
  app.post(
    '/api/v1/organizations',
    {
      config: orgWrite,
      schema: {
        tags: orgTags,
        summary: 'Create an organisation; customers at its domains join it',
        body: o.create.body,
        response: { 201: o.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await organizations.create(ctx(req), req.body)),
  );
  app.get(
    '/api/v1/organizations/:id',
    {
      config: read,
      schema: {
        tags: orgTags,
        summary: 'Get an organisation',
        params: o.get.params,
        response: { 200: o.get.response, ...withNotFound },
      },
    },
    (req) => organizations.get(ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/organizations/:id',
    {
      config: orgWrite,
      schema: {
        tags: orgTags,
        summary: 'Update an organisation',
        params: o.update.params,
        body: o.update.body,
        response: { 200: o.update.response, ...withConflict },
      },
    },
    (req) => organizations.update(ctx(req), req.params.id, req.body),
  );
};
