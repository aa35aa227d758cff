import { idParam } from '../../../contracts/common';
import { jobFailureSchema, jobFailuresPage, listJobFailuresQuery } from '../../../contracts/jobs';

export const jobsSchemas = {
  list: { querystring: listJobFailuresQuery, response: jobFailuresPage },
  retry: { params: idParam, response: jobFailureSchema },
  remove: { params: idParam },
};
