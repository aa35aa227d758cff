// The tickets module's front door (tickets, messages, events, bulk changes and merges): other modules, the registry, the CLI and tests import only this.
export { closeStaleSolvedTickets } from './auto-close.job';
export { addAutomaticMessage } from './automatic-messages';
export { type BulkService, bulkService } from './bulk.service';
export { type ContactsService, contactsService } from './contacts.service';
export type { TicketEventInput } from './events.repository';
export type { MentionNotifier } from './mentions';
export {
  addCustomerMessage,
  loadConversation,
  type MessagesOutside,
  type MessagesService,
  messagesService,
} from './messages.service';
export { checkOpenTicketCounts, type OpenCountDifference, rebuildOpenTicketCounts } from './open-counts';
export {
  assignTicketsAtOpeningWith,
  type ClockStarter,
  type OpeningAssigner,
  type OpeningAssignment,
  type OpeningClocks,
  type OpeningFacts,
  type OpeningRow,
  type OpeningTicket,
  startClocksAtOpeningWith,
} from './opening-ports';
export { type CopiesOf, recipientsOf } from './recipients';
export { type ReplyingService, replyingService } from './replying.service';
export {
  recordTicketEvents,
  subscribeToTicketEvents,
  type TicketChange,
  type TicketEventSubscriber,
} from './ticket-events';
export {
  lockTicketRow,
  type SlaSummaryColumns,
  setTicketSlaSummary,
  type TicketFactsRow,
  ticketFacts,
} from './tickets.facts';
export { toTicket } from './tickets.mapper';
export { assertTeam, eventActor } from './tickets.refs';
export { OPEN_STATUSES } from './tickets.repository';
export { ticketsRoutes } from './tickets.routes';
export { keepTicketReadsInTransactions } from './tickets.rows';
export {
  announceTicket,
  appendTicketEvents,
  attachmentsOfMessages,
  changeTicket,
  customerSeesChange,
  escalateTicket,
  findMessage,
  insertMessageRow,
  insertTicketRow,
  lastMessageId,
  likelyNextTicketId,
  loadTicket,
  moveRequesterTickets,
  openTicket,
  setMessageHtml,
  setTicketTags,
  type TicketsService,
  ticketRowsByIds,
  ticketSubjects,
  ticketsByIds,
  ticketsService,
} from './tickets.service';
export { timeEntriesRoutes } from './time-entries.routes';
export { logTime, type TimeEntriesService, timeEntriesService } from './time-entries.service';
