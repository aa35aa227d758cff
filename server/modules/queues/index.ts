// The queues module's front door (views and queue pages of tickets): other modules, the registry, the CLI and tests import only this.
export { pageKeysSelect } from './queue-index.repository';
export { queuesRoutes } from './queues.routes';
export { type QueuesService, queuesService } from './queues.service';
export { workloadRoutes } from './workload.routes';
export { type WorkloadService, workloadService } from './workload.service';
