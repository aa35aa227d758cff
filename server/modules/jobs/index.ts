// The jobs module's front door (failed background work for admins): other modules, the registry, the CLI and tests import only this.
export { jobsRoutes } from './jobs.routes';
export { type JobsService, jobsService } from './jobs.service';
