import { auditEntrySchema, listAuditQuery } from '../../../contracts/audit';
import { page } from '../../../contracts/common';

export const auditSchemas = {
  list: { querystring: listAuditQuery, response: page(auditEntrySchema) },
};
