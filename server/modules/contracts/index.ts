// The contracts module's front door: support contracts of organisations (plan, service-level
// policy, dates, monthly entitlement and its use, owner), renewal-review reminders, and the plan
// a ticket's organisation is on for the service-level clocks.

export { remindContractReviews } from './contracts.reminders';
export { contractsRoutes } from './contracts.routes';
export {
  type ContractsService,
  contractPlanOf,
  contractsService,
  insertContractRow,
} from './contracts.service';
