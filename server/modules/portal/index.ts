// The portal module's front door (the customer portal and sign-in links): other modules, the registry, the CLI and tests import only this.
export { portalRoutes } from './portal.routes';
export { type PortalService, portalCustomerOf, portalService } from './portal.service';
