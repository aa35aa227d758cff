// The audit module's front door (reading the audit log): other modules, the registry, the CLI and tests import only this.

export { csvLine } from './audit.csv';
export { auditRoutes } from './audit.routes';
export { type AuditService, auditService } from './audit.service';
