// The attachments module's front door (files on tickets): other modules, the registry, the CLI and tests import only this.
export { toAttachment } from './attachments.mapper';
export { attachmentsRoutes } from './attachments.routes';
export { MAX_ATTACHMENT_BYTES } from './attachments.rules';
export {
  type AttachmentsService,
  attachmentsService,
  bindFilesToMessage,
  filesByIds,
  moveTicketFiles,
  storeReceivedFile,
  type TicketCheck,
  takeFilesForNewRequest,
  WAITING_FILES_PER_DAY,
} from './attachments.service';
