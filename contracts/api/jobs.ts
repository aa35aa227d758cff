import { idParam } from '../common';
import { jobFailureSchema, jobFailuresPage, listJobFailuresQuery } from '../jobs';
import { noContent, route } from './route';

export const jobsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/job-failures',
    querystring: listJobFailuresQuery,
    response: jobFailuresPage,
  }),
  retry: route({
    method: 'POST',
    path: '/api/v1/job-failures/:id/retry',
    params: idParam,
    response: jobFailureSchema,
  }),
  remove: route({ method: 'DELETE', path: '/api/v1/job-failures/:id', params: idParam, response: noContent }),
};
