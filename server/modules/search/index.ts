// The search module's front door (the full-text index of tickets): other modules, the registry, the CLI and tests import only this.
export { searchRoutes } from './search.routes';
export {
  appendToIndex,
  indexNewTicket,
  reindexTickets,
  type SearchService,
  type SearchSources,
  searchService,
  searchTicketIds,
  setIndexedSubject,
  snippetHtml,
} from './search.service';
