import { reportExport } from '../../../contracts/api/reports';
import {
  drillQuery,
  drillResultSchema,
  reportExportQuery,
  reportFiltersSchema,
  reportParams,
  reportSchema,
} from '../../../contracts/reports';

export const reportsSchemas = {
  report: { params: reportParams, querystring: reportFiltersSchema, response: reportSchema },
  export: { params: reportParams, querystring: reportExportQuery, response: reportExport },
  drill: { querystring: drillQuery, response: drillResultSchema },
};
