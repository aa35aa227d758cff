import { auditEntrySchema, listAuditQuery } from '../audit';
import { page } from '../common';
import { route } from './route';

export const auditPage = page(auditEntrySchema);

export const auditRoutes = {
  list: route({ method: 'GET', path: '/api/v1/audit-log', querystring: listAuditQuery, response: auditPage }),
};
