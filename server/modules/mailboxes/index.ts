// The mailboxes module's front door (mailboxes, templates, spam rules, threads, copies and outbound mail): other modules, the registry, the CLI and tests import only this.

export { copiesOfTicket, keepMailCopies, trustsSender } from './copies';
export { copiesRoutes } from './copies.routes';
export { type CopiesService, copiesService } from './copies.service';
export { deliveryHooks } from './delivery';
export type { MailboxRow } from './mailboxes.repository';
export { mailboxesRoutes } from './mailboxes.routes';
export {
  claimDueImap,
  type ImapSettings,
  insertMailboxRow,
  listMailboxes,
  listSpamRules,
  type MailboxesService,
  mailboxAddressExists,
  mailboxesService,
  parseImap,
  releaseImap,
} from './mailboxes.service';
export {
  inlinePictures,
  mailboxOfTicket,
  queueCustomerMail,
  queueTicketMail,
  queueWordedCustomerMail,
} from './outbound';
export { loadMailSettings, type MailRulesService, mailRulesService } from './rules.service';
export { renderTemplate, templateDefaults, unknownPlaceholders } from './templates.defaults';
export { type TemplatesService, templatesService } from './templates.service';
export { outboxOfMessageIds, rememberMessageId, ticketOfMessageIds } from './threads';
