import { idParam } from '../common';
import { createGoalBody, goalSchema, goalsList, goalsQuery, updateGoalBody } from '../goals';
import { scorecardQuery, scorecardSchema } from '../scorecards';
import { noContent, route } from './route';

export const goalsRoutes = {
  list: route({ method: 'GET', path: '/api/v1/goals', querystring: goalsQuery, response: goalsList }),
  create: route({ method: 'POST', path: '/api/v1/goals', body: createGoalBody, response: goalSchema }),
  get: route({ method: 'GET', path: '/api/v1/goals/:id', params: idParam, response: goalSchema }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/goals/:id',
    params: idParam,
    body: updateGoalBody,
    response: goalSchema,
  }),
  remove: route({ method: 'DELETE', path: '/api/v1/goals/:id', params: idParam, response: noContent }),
};

export const scorecardsRoutes = {
  agent: route({
    method: 'GET',
    path: '/api/v1/scorecards/agents/:id',
    params: idParam,
    querystring: scorecardQuery,
    response: scorecardSchema,
  }),
  team: route({
    method: 'GET',
    path: '/api/v1/scorecards/teams/:id',
    params: idParam,
    querystring: scorecardQuery,
    response: scorecardSchema,
  }),
};
