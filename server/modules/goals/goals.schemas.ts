import { idParam } from '../../../contracts/common';
import { createGoalBody, goalSchema, goalsList, goalsQuery, updateGoalBody } from '../../../contracts/goals';

export const goalsSchemas = {
  list: { querystring: goalsQuery, response: goalsList },
  create: { body: createGoalBody, response: goalSchema },
  get: { params: idParam, response: goalSchema },
  update: { params: idParam, body: updateGoalBody, response: goalSchema },
  remove: { params: idParam },
};
