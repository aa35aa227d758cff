import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { referralsRoutes as table } from '../../../contracts/api/referrals';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import type { ReferralsService } from './referrals.service';

const tags = ['referrals'];
const read = { access: 'referrals.read' } as const;
const write = { access: 'referrals.write' } as const;
const reward = { access: 'referrals.reward' } as const;

export const referralsRoutes: FastifyPluginAsyncZod<{ referrals: ReferralsService }> = async (
  app,
  { referrals: service },
) => {
  app.get(
    table.list.path,
    {
      config: read,
      schema: {
        tags,
        summary: 'Referrals, newest first (filter by reward state, referrer, or a customer on either side)',
        querystring: table.list.querystring,
        response: { 200: table.list.response, ...protectedErrors },
      },
    },
    (req) => service.list(ctx(req), req.query),
  );

  app.post(
    table.create.path,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record a referral: an existing customer sent another (existing, or new by address and name)',
        body: table.create.body,
        response: { 201: table.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(ctx(req), req.body)),
  );

  app.get(
    table.get.path,
    {
      config: read,
      schema: {
        tags,
        summary: 'One referral with its reward history',
        params: table.get.params,
        response: { 200: table.get.response, ...withNotFound },
      },
    },
    (req) => service.get(ctx(req), req.params.id),
  );

  app.patch(
    table.update.path,
    {
      config: write,
      schema: {
        tags,
        summary: "Change a referral's note or order reference",
        params: table.update.params,
        body: table.update.body,
        response: { 200: table.update.response, ...withNotFound },
      },
    },
    (req) => service.update(ctx(req), req.params.id, req.body),
  );

  app.post(
    table.setState.path,
    {
      config: reward,
      schema: {
        tags,
        summary:
          'Move the reward state (pending → qualified → rewarded, or declined); kept with who and when',
        params: table.setState.params,
        body: table.setState.body,
        response: { 200: table.setState.response, ...withConflict },
      },
    },
    (req) => service.setState(ctx(req), req.params.id, req.body),
  );
};
