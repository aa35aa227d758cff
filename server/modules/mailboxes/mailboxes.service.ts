import type { z } from 'zod';
import type {
  createMailboxBody,
  imapSettingsInput,
  Mailbox,
  updateMailboxBody,
} from '../../../contracts/mail';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { assertUsableCategory } from '../ticket-fields';
import { assertTeam } from '../tickets';
import { type MailboxRow, mailboxesRepository as repo } from './mailboxes.repository';

type CreateInput = z.output<typeof createMailboxBody>;
type UpdateInput = z.output<typeof updateMailboxBody>;
type ImapInput = z.output<typeof imapSettingsInput>;

/** How a mailbox's IMAP server is reached and what happens to mail once it is read. */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  processedAction: 'move' | 'flag';
  processedFolder: string | null;
}

export interface StoredImap extends ImapSettings {
  intervalSeconds: number;
}

/** The outbound server without its password. */
function smtpSummary(url: string | null): Mailbox['smtp'] {
  if (!url) return null;
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : null,
    secure: parsed.protocol === 'smtps:',
    user: parsed.username ? decodeURIComponent(parsed.username) : null,
  };
}

export function parseImap(json: string | null): StoredImap | null {
  return json ? (JSON.parse(json) as StoredImap) : null;
}

function toMailbox(row: MailboxRow): Mailbox {
  const imap = parseImap(row.imap);
  return {
    id: row.id,
    address: row.address,
    displayName: row.display_name,
    defaultTeam:
      row.default_team_id && row.default_team_name
        ? { id: row.default_team_id, name: row.default_team_name }
        : null,
    defaultCategory:
      row.default_category_id && row.default_category_name
        ? { id: row.default_category_id, name: row.default_category_name }
        : null,
    signature: row.signature,
    inboundMethod: row.inbound_method,
    imap: imap
      ? {
          host: imap.host,
          port: imap.port,
          secure: imap.secure,
          user: imap.user,
          folder: imap.folder,
          processedAction: imap.processedAction,
          processedFolder: imap.processedFolder,
          intervalSeconds: imap.intervalSeconds,
          lastPolledAt: row.imap_last_polled_at,
          lastError: row.imap_last_error,
        }
      : null,
    smtp: smtpSummary(row.smtp_url),
    autoAck: row.auto_ack === 1,
    ackSubject: row.ack_subject,
    ackBody: row.ack_body,
    isDefault: row.is_default === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function loadMailbox(db: DbOrTrx, id: number): Promise<Mailbox> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('MAILBOX_NOT_FOUND', `Mailbox ${id}`);
  return toMailbox(row);
}

/** IMAP settings to store: a new password replaces the old one, no password keeps it. */
function imapToStore(
  input: ImapInput | null,
  method: 'smtp' | 'imap',
  previous: StoredImap | null,
): string | null {
  if (method !== 'imap') return null;
  if (!input) {
    throw new AppError('VALIDATION_FAILED', 'An IMAP mailbox needs its server settings', [
      { path: ['imap'], message: 'Required for IMAP' },
    ]);
  }
  const password = input.password ?? previous?.password;
  if (!password) {
    throw new AppError('VALIDATION_FAILED', 'Enter the IMAP password', [
      { path: ['imap', 'password'], message: 'Required' },
    ]);
  }
  const stored: StoredImap = { ...input, password };
  return JSON.stringify(stored);
}

const addressTaken = (address: string) =>
  new AppError('MAILBOX_ADDRESS_TAKEN', `A mailbox for ${address} already exists`, [
    { path: ['address'], message: 'Already in use' },
  ]);

/** What the audit log keeps of a mailbox: never its passwords. */
const auditable = (m: Mailbox) => ({ ...m, imap: m.imap ? { ...m.imap, lastPolledAt: undefined } : null });

/** Whether an address belongs to one of the mailboxes. */
export const mailboxAddressExists = repo.addressExists;
/** Every mailbox row (intake matches recipients against them). */
export const listMailboxes = repo.list;
/** The spam rules, in order. */
export const listSpamRules = repo.listRules;
/** Claims the mailboxes whose IMAP poll is due. */
export const claimDueImap = repo.claimDueImap;
/** Releases a mailbox after a poll, with its outcome. */
export const releaseImap = repo.releaseImap;
/** Stores a mailbox row (seed data). */
export const insertMailboxRow = repo.insert;

export function mailboxesService({ db }: AppDeps) {
  async function checkRefs(
    db: DbOrTrx,
    input: { defaultTeamId?: number | null; defaultCategoryId?: number | null },
  ) {
    await assertTeam(db, input.defaultTeamId);
    await assertUsableCategory(db, input.defaultCategoryId);
  }

  return {
    async list(ctx: RequestContext) {
      authorize(ctx.actor, 'channels.manage');
      return (await repo.list(db)).map(toMailbox);
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'channels.manage');
      return loadMailbox(db, id);
    },

    async create(ctx: RequestContext, input: CreateInput) {
      authorize(ctx.actor, 'channels.manage');
      return db.transaction().execute(async (trx) => {
        await checkRefs(trx, input);
        if (await repo.addressExists(trx, input.address)) throw addressTaken(input.address);
        const now = nowIso();
        const id = await repo.insert(
          trx,
          {
            address: input.address,
            display_name: input.displayName,
            default_team_id: input.defaultTeamId,
            default_category_id: input.defaultCategoryId,
            signature: input.signature,
            inbound_method: input.inboundMethod,
            imap: imapToStore(input.imap, input.inboundMethod, null),
            smtp_url: input.smtpUrl,
            auto_ack: input.autoAck ? 1 : 0,
            ack_subject: input.ackSubject,
            ack_body: input.ackBody,
            is_default: input.isDefault ? 1 : 0,
            updated_at: now,
          },
          now,
        );
        if (input.isDefault) await repo.clearDefault(trx, id);
        const mailbox = await loadMailbox(trx, id);
        await recordAudit(trx, ctx, {
          action: 'mailbox.created',
          entityType: 'mailbox',
          entityId: id,
          after: auditable(mailbox),
        });
        return mailbox;
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateInput) {
      authorize(ctx.actor, 'channels.manage');
      return db.transaction().execute(async (trx) => {
        const row = await repo.findById(trx, id);
        if (!row) throw notFound('MAILBOX_NOT_FOUND', `Mailbox ${id}`);
        await checkRefs(trx, input);
        if (input.address && input.address !== row.address && (await repo.addressExists(trx, input.address)))
          throw addressTaken(input.address);
        const method = input.inboundMethod ?? row.inbound_method;
        const imapChanges = input.imap !== undefined || input.inboundMethod !== undefined;
        await repo.update(trx, id, {
          address: input.address,
          display_name: input.displayName,
          default_team_id: input.defaultTeamId,
          default_category_id: input.defaultCategoryId,
          signature: input.signature,
          inbound_method: input.inboundMethod,
          imap: imapChanges
            ? imapToStore(
                input.imap === undefined ? parseImap(row.imap) : input.imap,
                method,
                parseImap(row.imap),
              )
            : undefined,
          smtp_url: input.smtpUrl,
          auto_ack: input.autoAck === undefined ? undefined : input.autoAck ? 1 : 0,
          ack_subject: input.ackSubject,
          ack_body: input.ackBody,
          is_default: input.isDefault === undefined ? undefined : input.isDefault ? 1 : 0,
          updated_at: nowIso(),
        });
        if (input.isDefault) await repo.clearDefault(trx, id);
        const after = await loadMailbox(trx, id);
        await recordAudit(trx, ctx, {
          action: 'mailbox.updated',
          entityType: 'mailbox',
          entityId: id,
          before: auditable(toMailbox(row)),
          after: auditable(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'channels.manage');
      await db.transaction().execute(async (trx) => {
        const before = await loadMailbox(trx, id);
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'mailbox.deleted',
          entityType: 'mailbox',
          entityId: id,
          before: auditable(before),
        });
      });
    },
  };
}

export type MailboxesService = ReturnType<typeof mailboxesService>;
