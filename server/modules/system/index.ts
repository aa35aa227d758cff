// The system module's front door (health, readiness and metrics): other modules, the registry, the CLI and tests import only this.
export { systemRoutes } from './system.routes';
