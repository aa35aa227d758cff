// The ticket-fields module's front door (categories and custom fields): other modules, the registry, the CLI and tests import only this.
export { validateCustomFields } from './custom-field-values';
export { ticketFieldsRoutes } from './ticket-fields.routes';
export {
  assertUsableCategory,
  insertCategoryRow,
  insertCustomFieldRow,
  isUsableCategory,
  loadCustomFields,
  type TicketFieldsService,
  ticketFieldsService,
} from './ticket-fields.service';
