import type { Attachment } from '../../../contracts/tickets';
import type { AttachmentsTable } from '../../db/schema';

/** A stored file as the API shows it, with the URL it is served from. */
export function toAttachment(
  row: Pick<AttachmentsTable, 'filename' | 'content_type' | 'size'> & { id: number },
): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    url: `/api/v1/attachments/${row.id}`,
  };
}
