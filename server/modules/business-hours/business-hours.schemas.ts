import {
  calendarPreviewSchema,
  calendarSchema,
  calendarsList,
  createCalendarBody,
  importHolidaysBody,
  previewQuery,
  updateCalendarBody,
} from '../../../contracts/business-hours';
import { idParam } from '../../../contracts/common';

export const businessHoursSchemas = {
  list: { response: calendarsList },
  create: { body: createCalendarBody, response: calendarSchema },
  get: { params: idParam, response: calendarSchema },
  update: { params: idParam, body: updateCalendarBody, response: calendarSchema },
  remove: { params: idParam },
  importHolidays: { params: idParam, body: importHolidaysBody, response: calendarSchema },
  preview: { params: idParam, querystring: previewQuery, response: calendarPreviewSchema },
};
