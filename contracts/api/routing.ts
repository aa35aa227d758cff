import { idParam } from '../common';
import {
  agentPresenceList,
  presenceStateSchema,
  reassignQueueBody,
  reassignQueueResult,
  routingAgentSchema,
  routingLogPage,
  routingLogQuery,
  setPresenceBody,
  teamRoutingList,
  teamRoutingSchema,
  updateAgentRoutingBody,
  updateTeamRoutingBody,
} from '../routing';
import { route } from './route';

const path = '/api/v1/routing';

export const routingRoutes = {
  teams: route({ method: 'GET', path: `${path}/teams`, response: teamRoutingList }),
  team: route({ method: 'GET', path: `${path}/teams/:id`, params: idParam, response: teamRoutingSchema }),
  updateTeam: route({
    method: 'PUT',
    path: `${path}/teams/:id`,
    params: idParam,
    body: updateTeamRoutingBody,
    response: teamRoutingSchema,
  }),
  agent: route({ method: 'GET', path: `${path}/agents/:id`, params: idParam, response: routingAgentSchema }),
  updateAgent: route({
    method: 'PUT',
    path: `${path}/agents/:id`,
    params: idParam,
    body: updateAgentRoutingBody,
    response: routingAgentSchema,
  }),
  log: route({ method: 'GET', path: `${path}/log`, querystring: routingLogQuery, response: routingLogPage }),
  reassignQueue: route({
    method: 'POST',
    path: `${path}/reassign-queue`,
    body: reassignQueueBody,
    response: reassignQueueResult,
  }),
};

export const presenceRoutes = {
  mine: route({ method: 'GET', path: '/api/v1/presence', response: presenceStateSchema }),
  setMine: route({
    method: 'PUT',
    path: '/api/v1/presence',
    body: setPresenceBody,
    response: presenceStateSchema,
  }),
  agents: route({ method: 'GET', path: '/api/v1/presence/agents', response: agentPresenceList }),
};
