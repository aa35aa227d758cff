import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Attachment } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { toAttachment } from './attachments.mapper';
import { attachmentsRepository as repo } from './attachments.repository';
import {
  attachmentProblem,
  type FileOrigin,
  inlineTypes,
  MAX_ATTACHMENT_BYTES,
  safeFilename,
} from './attachments.rules';

export interface Upload {
  filename: string;
  mimetype: string;
  file: Readable & { truncated?: boolean };
}

interface Uploader {
  userId: number | null;
  customerId: number | null;
}

/** Where a new file goes under DATA_DIR/attachments: a month folder and a random name. */
function newStorageKey(now: string) {
  return path.join(now.slice(0, 7), randomBytes(16).toString('hex'));
}

export interface ReceivedFile {
  filename: string;
  contentType: string;
  content: Buffer;
  origin: FileOrigin;
}

/**
 * Keeps a file that arrived in a mail on a message of a ticket. Returns why it was not kept
 * (refused type, too large) instead of throwing: the rest of the mail still counts.
 */
export async function storeReceivedFile(
  db: DbOrTrx,
  dataDir: string,
  target: { ticketId: number; messageId: number; customerId: number | null },
  file: ReceivedFile,
): Promise<{ id: number } | { refused: string }> {
  const filename = safeFilename(file.filename);
  const problem = attachmentProblem(filename, file.contentType, file.origin);
  if (problem) return { refused: problem };
  if (file.content.length > MAX_ATTACHMENT_BYTES)
    return { refused: `Files can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` };
  const now = nowIso();
  const key = newStorageKey(now);
  const full = path.join(dataDir, 'attachments', key);
  await fs.promises.mkdir(path.dirname(full), { recursive: true });
  await fs.promises.writeFile(full, file.content, { flag: 'wx' });
  const id = await repo.insert(db, {
    ticket_id: target.ticketId,
    message_id: target.messageId,
    filename,
    content_type: file.contentType.toLowerCase(),
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    storage_key: key,
    uploaded_by_user_id: null,
    uploaded_by_customer_id: target.customerId,
    created_at: now,
  });
  return { id };
}

/** Files on tickets, stored under DATA_DIR/attachments and served only to people who may see the ticket. */
/** Puts unsent files of the ticket on a message (a customer's message takes only their own uploads); answers how many. */
export const bindFilesToMessage = (
  db: DbOrTrx,
  ticketId: number,
  messageId: number,
  ids: number[],
  uploadedByCustomerId: number | null = null,
) => repo.bindToMessage(db, ticketId, messageId, ids, uploadedByCustomerId);

/**
 * Puts a customer's files, uploaded before their new request existed, on its first message;
 * answers how many (only their own files still waiting qualify).
 */
export const takeFilesForNewRequest = (
  db: DbOrTrx,
  ids: number[],
  target: { customerId: number; ticketId: number; messageId: number },
) => repo.takeForNewRequest(db, ids, target);

/** Files a customer may leave waiting for new requests in a day: sent or not, they take disk. */
export const WAITING_FILES_PER_DAY = 30;

/** A ticket merge moves the source ticket's files to the target. */
export const moveTicketFiles = (db: DbOrTrx, fromTicketId: number, toTicketId: number) =>
  repo.moveToTicket(db, fromTicketId, toTicketId);

/** Throws TICKET_NOT_FOUND for a ticket that does not exist; the tickets module's loadTicket, passed in. */
export type TicketCheck = (db: DbOrTrx, ticketId: number) => Promise<unknown>;

/** Stored files by id, to attach to outgoing mail. */
export const filesByIds = repo.filesByIds;

export function attachmentsService({ db, config }: AppDeps, loadTicket: TicketCheck) {
  const root = path.join(config.dataDir, 'attachments');

  /**
   * Staff see every ticket's files. A customer sees, on their own tickets, files on messages
   * they can read (not notes) and their own uploads not sent yet; never a file staff uploaded
   * and have not sent. A file waiting for a new request is its uploader's alone.
   */
  async function mayRead(
    ctx: RequestContext,
    row: {
      ticket_id: number | null;
      requester_id: number | null;
      message_id: number | null;
      message_kind: string | null;
      uploaded_by_customer_id: number | null;
    },
  ) {
    if (row.ticket_id !== null && can(ctx.actor, 'tickets.read')) return true;
    if (ctx.actor.type !== 'user' || ctx.actor.role !== 'customer') return false;
    const customerId = await repo.customerIdOfUser(db, ctx.actor.id);
    if (customerId === null) return false;
    if (row.ticket_id === null) return row.uploaded_by_customer_id === customerId;
    if (customerId !== row.requester_id) return false;
    if (row.message_id === null) return row.uploaded_by_customer_id === customerId;
    return row.message_kind !== 'note';
  }

  /** Streams the file to disk while hashing and counting; refused types and oversize files are not kept. */
  async function store(ticketId: number | null, upload: Upload, uploader: Uploader): Promise<Attachment> {
    const filename = safeFilename(upload.filename);
    const problem = attachmentProblem(filename, upload.mimetype);
    if (problem) {
      upload.file.resume();
      throw new AppError('ATTACHMENT_TYPE_REFUSED', problem);
    }
    const now = nowIso();
    const key = newStorageKey(now);
    const target = path.join(root, key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    upload.file.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    await pipeline(upload.file, fs.createWriteStream(target, { flags: 'wx' }));
    if (upload.file.truncated || size > MAX_ATTACHMENT_BYTES) {
      fs.rmSync(target, { force: true });
      throw new AppError(
        'ATTACHMENT_TOO_LARGE',
        `Files can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
      );
    }
    const contentType = upload.mimetype.toLowerCase();
    const id = await repo.insert(db, {
      ticket_id: ticketId,
      message_id: null,
      filename,
      content_type: contentType,
      size,
      sha256: hash.digest('hex'),
      storage_key: key,
      uploaded_by_user_id: uploader.userId,
      uploaded_by_customer_id: uploader.customerId,
      created_at: now,
    });
    return toAttachment({ id, filename, content_type: contentType, size });
  }

  return {
    /** Staff adding a file to a ticket, to send with a reply or note. */
    async upload(ctx: RequestContext, ticketId: number, upload: Upload): Promise<Attachment> {
      if (!can(ctx.actor, 'tickets.write')) {
        upload.file.resume();
        throw new AppError('FORBIDDEN', 'You may not add files to this ticket');
      }
      await loadTicket(db, ticketId);
      return store(ticketId, upload, {
        userId: ctx.actor.type === 'user' ? ctx.actor.id : null,
        customerId: null,
      });
    },

    /** A customer adding a file to one of their own requests, to send with their next reply. */
    async uploadForCustomer(ctx: RequestContext, ticketId: number, upload: Upload): Promise<Attachment> {
      const customerId = can(ctx.actor, 'portal.use') ? await repo.customerIdOfUser(db, ctx.actor.id) : null;
      if (customerId === null || (await repo.requesterOf(db, ticketId)) !== customerId) {
        upload.file.resume();
        throw notFound('TICKET_NOT_FOUND', `Request #${ticketId}`);
      }
      return store(ticketId, upload, { userId: null, customerId });
    },

    /** A customer adding a file to a request they are still writing, to send with it. */
    async uploadForNewRequest(ctx: RequestContext, upload: Upload): Promise<Attachment> {
      const customerId = can(ctx.actor, 'portal.use') ? await repo.customerIdOfUser(db, ctx.actor.id) : null;
      if (customerId === null) {
        upload.file.resume();
        throw new AppError('FORBIDDEN', 'This account is not linked to a customer');
      }
      const since = new Date(Date.now() - 86_400_000).toISOString();
      if ((await repo.waitingSince(db, customerId, since)) >= WAITING_FILES_PER_DAY) {
        upload.file.resume();
        throw new AppError(
          'RATE_LIMITED',
          `You attached ${WAITING_FILES_PER_DAY} files to new requests today; send your request, or attach more tomorrow`,
        );
      }
      return store(null, upload, { userId: null, customerId });
    },

    async open(ctx: RequestContext, id: number) {
      const row = await repo.findById(db, id);
      if (!row || !(await mayRead(ctx, row))) throw notFound('ATTACHMENT_NOT_FOUND', `Attachment ${id}`);
      const file = path.join(root, row.storage_key);
      if (!file.startsWith(root) || !fs.existsSync(file))
        throw notFound('ATTACHMENT_NOT_FOUND', `Attachment ${id}`);
      return {
        stream: fs.createReadStream(file),
        filename: row.filename,
        contentType: row.content_type,
        size: row.size,
        inline: inlineTypes.has(row.content_type),
      };
    },
  };
}

export type AttachmentsService = ReturnType<typeof attachmentsService>;
