import {
  calendarPreviewSchema,
  calendarSchema,
  calendarsList,
  createCalendarBody,
  importHolidaysBody,
  previewQuery,
  updateCalendarBody,
} from '../business-hours';
import { idParam } from '../common';
import { noContent, route } from './route';

const path = '/api/v1/business-hours';

export const businessHoursRoutes = {
  list: route({ method: 'GET', path, response: calendarsList }),
  create: route({ method: 'POST', path, body: createCalendarBody, response: calendarSchema }),
  get: route({ method: 'GET', path: `${path}/:id`, params: idParam, response: calendarSchema }),
  update: route({
    method: 'PATCH',
    path: `${path}/:id`,
    params: idParam,
    body: updateCalendarBody,
    response: calendarSchema,
  }),
  remove: route({ method: 'DELETE', path: `${path}/:id`, params: idParam, response: noContent }),
  importHolidays: route({
    method: 'POST',
    path: `${path}/:id/holidays/import`,
    params: idParam,
    body: importHolidaysBody,
    response: calendarSchema,
  }),
  preview: route({
    method: 'GET',
    path: `${path}/:id/preview`,
    params: idParam,
    querystring: previewQuery,
    response: calendarPreviewSchema,
  }),
};
