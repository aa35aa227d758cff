// The mail-intake module's front door (received mail: SMTP listener, IMAP poller, ingestion, parsing, bounces): other modules, the registry, the CLI and tests import only this.
export { pollDueMailboxes } from './imap.job';
export { mailFingerprint } from './inbound.fingerprint';
export { storeInboundMail } from './inbound.store';
export { inboundWorker, processInboundMail } from './ingest.service';
export { inboundRoutes } from './mail-intake.routes';
export { cleanSubject, splitQuoted } from './mail-intake.rules';
export { type InboundService, inboundService, inboundWaiting } from './mail-intake.service';
export { parseInbound } from './parse';
export { mailBodyHtml, textToHtml } from './parse.html';
export { peopleIn } from './parse.senders';
export { createSmtpListener } from './smtp.listener';
