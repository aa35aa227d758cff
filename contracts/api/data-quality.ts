import {
  dataQualityFixBody,
  dataQualityFixResult,
  dataQualityOverviewSchema,
  dataQualityRunSchema,
  dataQualitySettingsSchema,
  updateDataQualitySettingsBody,
} from '../data-quality';
import { route } from './route';

const base = '/api/v1/data-quality';

export const dataQualityRoutes = {
  overview: route({ method: 'GET', path: base, response: dataQualityOverviewSchema }),
  run: route({ method: 'POST', path: `${base}/runs`, response: dataQualityRunSchema }),
  updateSettings: route({
    method: 'PUT',
    path: `${base}/settings`,
    body: updateDataQualitySettingsBody,
    response: dataQualitySettingsSchema,
  }),
  fix: route({
    method: 'POST',
    path: `${base}/fixes`,
    body: dataQualityFixBody,
    response: dataQualityFixResult,
  }),
};
