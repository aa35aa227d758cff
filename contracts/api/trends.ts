import { z } from 'zod';
import { idParam } from '../common';
import {
  spikeAlertListQuery,
  spikeAlertSchema,
  spikeSettingsBody,
  spikeSettingsSchema,
  trendQuery,
  trendSchema,
} from '../trends';
import { route } from './route';

export const trendsRoutes = {
  get: route({ method: 'GET', path: '/api/v1/trends', querystring: trendQuery, response: trendSchema }),
};

export const spikeAlertsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/spike-alerts',
    querystring: spikeAlertListQuery,
    response: z.object({ data: z.array(spikeAlertSchema) }),
  }),
  acknowledge: route({
    method: 'POST',
    path: '/api/v1/spike-alerts/:id/acknowledge',
    params: idParam,
    response: spikeAlertSchema,
  }),
  settings: route({ method: 'GET', path: '/api/v1/spike-alerts/settings', response: spikeSettingsSchema }),
  updateSettings: route({
    method: 'PUT',
    path: '/api/v1/spike-alerts/settings',
    body: spikeSettingsBody,
    response: spikeSettingsSchema,
  }),
};
