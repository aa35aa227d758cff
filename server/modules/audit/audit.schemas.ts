import { auditCsv } from '../../../contracts/api/audit';
import { auditEntrySchema, exportAuditQuery, listAuditQuery } from '../../../contracts/audit';
import { page } from '../../../contracts/common';

export const auditSchemas = {
  list: { querystring: listAuditQuery, response: page(auditEntrySchema) },
  export: { querystring: exportAuditQuery, response: auditCsv },
};
