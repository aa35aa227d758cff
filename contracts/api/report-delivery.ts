import { idParam } from '../common';
import {
  createdReportShare,
  createReportScheduleBody,
  createReportShareBody,
  reportScheduleList,
  reportScheduleSchema,
  reportShareList,
  reportShareSchema,
  scheduleRunList,
  scheduleRunSchema,
  sharedReportSchema,
  shareTokenParam,
  updateReportScheduleBody,
} from '../report-delivery';
import { noContent, rawFile, route } from './route';

export const sharedReportCsv = rawFile('the shared report as CSV');

const shares = '/api/v1/report-shares';
const schedules = '/api/v1/report-schedules';
const shared = '/api/v1/public/shared-reports/:token';

export const reportDeliveryRoutes = {
  shares: route({ method: 'GET', path: shares, response: reportShareList }),
  createShare: route({
    method: 'POST',
    path: shares,
    body: createReportShareBody,
    response: createdReportShare,
  }),
  revokeShare: route({
    method: 'DELETE',
    path: `${shares}/:id`,
    params: idParam,
    response: reportShareSchema,
  }),
  shared: route({ method: 'GET', path: shared, params: shareTokenParam, response: sharedReportSchema }),
  sharedExport: route({
    method: 'GET',
    path: `${shared}/export`,
    params: shareTokenParam,
    response: sharedReportCsv,
  }),
  schedules: route({ method: 'GET', path: schedules, response: reportScheduleList }),
  createSchedule: route({
    method: 'POST',
    path: schedules,
    body: createReportScheduleBody,
    response: reportScheduleSchema,
  }),
  updateSchedule: route({
    method: 'PATCH',
    path: `${schedules}/:id`,
    params: idParam,
    body: updateReportScheduleBody,
    response: reportScheduleSchema,
  }),
  deleteSchedule: route({ method: 'DELETE', path: `${schedules}/:id`, params: idParam, response: noContent }),
  scheduleRuns: route({
    method: 'GET',
    path: `${schedules}/:id/runs`,
    params: idParam,
    response: scheduleRunList,
  }),
  sendScheduleNow: route({
    method: 'POST',
    path: `${schedules}/:id/send`,
    params: idParam,
    response: scheduleRunSchema,
  }),
};
