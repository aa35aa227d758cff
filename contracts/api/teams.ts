import { idParam, page } from '../common';
import { createTeamBody, listTeamsQuery, teamSchema, updateTeamBody } from '../teams';
import { noContent, route } from './route';

export const teamsPage = page(teamSchema);

export const teamsRoutes = {
  list: route({ method: 'GET', path: '/api/v1/teams', querystring: listTeamsQuery, response: teamsPage }),
  create: route({ method: 'POST', path: '/api/v1/teams', body: createTeamBody, response: teamSchema }),
  get: route({ method: 'GET', path: '/api/v1/teams/:id', params: idParam, response: teamSchema }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/teams/:id',
    params: idParam,
    body: updateTeamBody,
    response: teamSchema,
  }),
  remove: route({ method: 'DELETE', path: '/api/v1/teams/:id', params: idParam, response: noContent }),
};
