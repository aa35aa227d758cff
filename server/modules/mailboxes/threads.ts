import { threadsRepository as repo } from './threads.repository';

/** The ticket a Message-ID belongs to: the newest of the ids given that we know. */
export const ticketOfMessageIds = repo.ticketForMessageIds;

/** Records a Message-ID of the ticket's thread (in or out), so replies find the ticket. */
export const rememberMessageId = repo.rememberMessageId;

/** The outbox mail that went out with one of these Message-IDs (a bounce names it). */
export const outboxOfMessageIds = repo.outboxForMessageIds;
