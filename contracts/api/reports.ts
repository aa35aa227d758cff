import {
  drillQuery,
  drillResultSchema,
  reportExportQuery,
  reportFiltersSchema,
  reportParams,
  reportSchema,
} from '../reports';
import { rawFile, route } from './route';

export const reportExport = rawFile('text/csv or an XLSX workbook');

export const reportsRoutes = {
  drill: route({
    method: 'GET',
    path: '/api/v1/reports/drill',
    querystring: drillQuery,
    response: drillResultSchema,
  }),
  report: route({
    method: 'GET',
    path: '/api/v1/reports/:report',
    params: reportParams,
    querystring: reportFiltersSchema,
    response: reportSchema,
  }),
  export: route({
    method: 'GET',
    path: '/api/v1/reports/:report/export',
    params: reportParams,
    querystring: reportExportQuery,
    response: reportExport,
  }),
};
