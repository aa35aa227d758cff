// The referrals module's front door: who referred whom, the referred customer's first ticket
// (linked by the ticket-events subscriber), and the reward state with its history.
export { referralsRoutes } from './referrals.routes';
export {
  insertPastReferral,
  linkFirstTicket,
  type PastReferral,
  type ReferralsService,
  referralsService,
} from './referrals.service';
