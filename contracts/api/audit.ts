import { auditEntrySchema, exportAuditQuery, listAuditQuery } from '../audit';
import { page } from '../common';
import { rawFile, route } from './route';

export const auditPage = page(auditEntrySchema);
export const auditCsv = rawFile('text/csv');

export const auditRoutes = {
  list: route({ method: 'GET', path: '/api/v1/audit-log', querystring: listAuditQuery, response: auditPage }),
  export: route({
    method: 'GET',
    path: '/api/v1/audit-log/export',
    querystring: exportAuditQuery,
    response: auditCsv,
  }),
};
