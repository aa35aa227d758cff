import { idParam } from '../../../contracts/common';
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
} from '../../../contracts/routing';

export const routingSchemas = {
  teams: { response: teamRoutingList },
  team: { params: idParam, response: teamRoutingSchema },
  updateTeam: { params: idParam, body: updateTeamRoutingBody, response: teamRoutingSchema },
  agent: { params: idParam, response: routingAgentSchema },
  updateAgent: { params: idParam, body: updateAgentRoutingBody, response: routingAgentSchema },
  log: { querystring: routingLogQuery, response: routingLogPage },
  reassignQueue: { body: reassignQueueBody, response: reassignQueueResult },
  presence: { response: presenceStateSchema },
  setPresence: { body: setPresenceBody, response: presenceStateSchema },
  agentsPresence: { response: agentPresenceList },
};
