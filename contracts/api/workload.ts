import { workloadSchema } from '../workload';
import { route } from './route';

export const workloadRoutes = {
  get: route({ method: 'GET', path: '/api/v1/workload', response: workloadSchema }),
};
