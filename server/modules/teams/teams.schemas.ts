import { idParam, page } from '../../../contracts/common';
import { createTeamBody, listTeamsQuery, teamSchema, updateTeamBody } from '../../../contracts/teams';

export const teamsSchemas = {
  list: { querystring: listTeamsQuery, response: page(teamSchema) },
  create: { body: createTeamBody, response: teamSchema },
  get: { params: idParam, response: teamSchema },
  update: { params: idParam, body: updateTeamBody, response: teamSchema },
  remove: { params: idParam },
};
