import { boardSchema } from '../board';
import { route } from './route';

export const boardRoutes = {
  get: route({ method: 'GET', path: '/api/v1/board', response: boardSchema }),
};
