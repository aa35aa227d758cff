import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { routingSchemas as s } from './routing.schemas';
import type { RoutingService } from './routing.service';

const tags = ['routing'];
const read = { access: 'routing.read' } as const;
const manage = { access: 'routing.manage' } as const;
const own = { access: 'presence.own' } as const;

export const routingRoutes: FastifyPluginAsyncZod<{ routing: RoutingService }> = async (app, { routing }) => {
  app.get(
    '/api/v1/routing/teams',
    {
      config: read,
      schema: {
        tags,
        summary: "Every team's routing: method, settings, agents with presence, skills, capacity and load",
        response: { 200: s.teams.response, ...protectedErrors },
      },
    },
    (req) => routing.teams(ctx(req)),
  );

  app.get(
    '/api/v1/routing/teams/:id',
    {
      config: read,
      schema: {
        tags,
        summary: "A team's routing",
        params: s.team.params,
        response: { 200: s.team.response, ...withNotFound },
      },
    },
    (req) => routing.team(ctx(req), req.params.id),
  );

  app.put(
    '/api/v1/routing/teams/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: "Set a team's assignment method, redistribution and unassigned-ticket alert",
        params: s.updateTeam.params,
        body: s.updateTeam.body,
        response: { 200: s.updateTeam.response, ...withNotFound },
      },
    },
    (req) => routing.updateTeam(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/routing/agents/:id',
    {
      config: read,
      schema: {
        tags,
        summary: "An agent's routing: presence, skills with levels, languages, capacity per channel and load",
        params: s.agent.params,
        response: { 200: s.agent.response, ...withNotFound },
      },
    },
    (req) => routing.agent(ctx(req), req.params.id),
  );

  app.put(
    '/api/v1/routing/agents/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: "Set an agent's capacity per channel, skills with levels and languages",
        params: s.updateAgent.params,
        body: s.updateAgent.body,
        response: { 200: s.updateAgent.response, ...withNotFound },
      },
    },
    (req) => routing.updateAgent(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/routing/log',
    {
      config: read,
      schema: {
        tags,
        summary: 'Routing decisions, newest first: whom each ticket went to and why',
        querystring: s.log.querystring,
        response: { 200: s.log.response, ...protectedErrors },
      },
    },
    (req) => routing.log(ctx(req), req.query),
  );

  app.post(
    '/api/v1/routing/reassign-queue',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Move every open ticket of an agent to another agent, or route each again by its team's method",
        body: s.reassignQueue.body,
        response: { 200: s.reassignQueue.response, ...withNotFound },
      },
    },
    (req) => routing.reassignQueue(ctx(req), req.body),
  );

  app.get(
    '/api/v1/presence',
    {
      config: own,
      schema: {
        tags,
        summary: 'My presence: online, away or offline',
        response: { 200: s.presence.response, ...protectedErrors },
      },
    },
    (req) => routing.myPresence(ctx(req)),
  );

  app.put(
    '/api/v1/presence',
    {
      config: own,
      schema: {
        tags,
        summary: 'Set my presence; going offline hands on my open tickets where my team redistributes',
        body: s.setPresence.body,
        response: { 200: s.setPresence.response, ...protectedErrors },
      },
    },
    (req) => routing.setMyPresence(ctx(req), req.body.status),
  );

  app.get(
    '/api/v1/presence/agents',
    {
      config: { access: 'presence.read' },
      schema: {
        tags,
        summary: "Staff presence: everyone's for managers, their teams' for team leads",
        response: { 200: s.agentsPresence.response, ...protectedErrors },
      },
    },
    (req) => routing.agentsPresence(ctx(req)),
  );
};
