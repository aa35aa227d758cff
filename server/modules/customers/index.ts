// The customers module's front door (customers and organisations): other modules, the registry, the CLI and tests import only this.
export { customersRoutes } from './customers.routes';
export {
  type CustomerMoves,
  type CustomersService,
  customerMailPreferences,
  customerNames,
  customersMatching,
  customersService,
  findOrCreateByEmail,
  findOrCreateCustomer,
  insertCustomerRow,
  insertOrganizationRow,
  loadCustomer,
  organizationNames,
  reindexCustomer,
  setCustomerMailPreferences,
} from './customers.service';
export { type OrganizationsService, organizationsService } from './organizations.service';
