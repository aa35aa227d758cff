import type { z } from 'zod';
import type {
  contactFormBody,
  MailPreferences,
  PortalMessage,
  PortalTicket,
  PortalTicketDetail,
} from '../../../contracts/portal';
import type { Ticket } from '../../../contracts/tickets';
import type { Config } from '../../config';
import type { DbOrTrx } from '../../db/database';
import { type Actor, type RequestContext, systemContext } from '../../platform/auth/actor';
import { authorize, can } from '../../platform/auth/policies';
import { addMinutes, nowIso } from '../../platform/clock';
import { randomToken, sha256 } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { enqueueMail } from '../../platform/mail/outbox';
import { renderMarkdownOffThread } from '../../platform/markdown-async';
import { takeFilesForNewRequest } from '../attachments';
import { type ClientInfo, failedSignIns, invalidCredentials, spendTotp, startSession } from '../auth';
import {
  customerMailPreferences,
  findOrCreateCustomer,
  loadCustomer,
  setCustomerMailPreferences,
} from '../customers';
import { queueTicketMail } from '../mailboxes';
import { loadChannelSettings } from '../settings';
import {
  addCustomerMessage,
  lastMessageId,
  likelyNextTicketId,
  loadConversation,
  openTicket,
} from '../tickets';
import { insertUserRow, linkToCustomer } from '../users';
import { portalRepository as repo } from './portal.repository';

/** A request from the portal or the contact form gets the same acknowledgment as one by mail. */
async function acknowledge(db: DbOrTrx, config: Config, ticket: Ticket) {
  if (ticket.requester.email)
    await queueTicketMail(db, config, {
      ticket,
      template: 'ticket_received',
      to: ticket.requester.email,
      automatic: true,
    });
}

const LINK_MINUTES = 15;
/** Links for one address asked from one client address per hour: a stranger's requests never use up the customer's. */
const LINKS_PER_ADDRESS_AND_IP = 5;
/** Links one client address may ask for per hour, whatever the addresses: one machine cannot flood. */
const LINKS_PER_IP = 10;

type RequestRow = Awaited<ReturnType<typeof repo.requestsOf>>[number];
const toPortalTicket = (r: RequestRow): PortalTicket => ({
  id: r.id,
  subject: r.subject,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  followUpOfId: r.follow_up_of_id,
});

/** What a request from the portal or the contact form starts as: in the team and category set for its channel. */
async function newRequest(db: DbOrTrx, channel: 'portal' | 'contactForm') {
  const goes = (await loadChannelSettings(db))[channel];
  return {
    type: 'question' as const,
    priority: 'normal' as const,
    status: 'new' as const,
    categoryId: goes.categoryId,
    tags: [] as string[],
    assigneeId: null,
    teamId: goes.teamId,
    dueAt: null,
    customFields: {},
  };
}

const linkNotValid = () =>
  new AppError('INVALID_CREDENTIALS', 'This sign-in link has expired or was already used; ask for a new one');

/** The customer whose requests a portal account holds (the one they were merged into), or null. */
export async function portalCustomerOf(db: DbOrTrx, actor: Actor): Promise<number | null> {
  if (!can(actor, 'portal.use')) return null;
  const customerId = await repo.customerIdOfUser(db, actor.id);
  if (!customerId) return null;
  const customer = await loadCustomer(db, customerId);
  return customer.mergedIntoId ?? customer.id;
}

/** The customer portal: a customer's own requests, never anyone else's, never internal notes. */
export function portalService({ db, config, live }: AppDeps) {
  const failures = failedSignIns(db, config);
  async function me(ctx: RequestContext): Promise<number> {
    authorize(ctx.actor, 'portal.use');
    const customerId = await portalCustomerOf(db, ctx.actor);
    if (!customerId) throw new AppError('FORBIDDEN', 'This account is not linked to a customer');
    return customerId;
  }

  async function detail(trx: DbOrTrx, ticketId: number, customerId: number): Promise<PortalTicketDetail> {
    const row = await repo.requestOf(trx, ticketId, customerId);
    if (!row) throw notFound('TICKET_NOT_FOUND', `Request #${ticketId}`);
    const messages = await loadConversation(trx, ticketId, true);
    return {
      ...toPortalTicket(row),
      messages: messages
        .filter((m) => m.kind !== 'note')
        .map(
          (m): PortalMessage => ({
            id: m.id,
            fromMe: m.author.type === 'customer' && m.author.id === customerId,
            authorName: m.author.name,
            html: m.html,
            attachments: m.attachments,
            createdAt: m.createdAt,
          }),
        ),
    };
  }

  return {
    async requests(ctx: RequestContext): Promise<PortalTicket[]> {
      const customerId = await me(ctx);
      return (await repo.requestsOf(db, customerId)).map(toPortalTicket);
    },

    async request(ctx: RequestContext, ticketId: number) {
      return detail(db, ticketId, await me(ctx));
    },

    async preferences(ctx: RequestContext): Promise<MailPreferences> {
      return customerMailPreferences(db, await me(ctx));
    },

    async setPreferences(ctx: RequestContext, next: MailPreferences): Promise<MailPreferences> {
      const customerId = await me(ctx);
      return db.transaction().execute((trx) => setCustomerMailPreferences(trx, ctx, customerId, next));
    },

    async create(ctx: RequestContext, input: { subject: string; body: string; attachmentIds: number[] }) {
      const customerId = await me(ctx);
      const rendered = { html: await renderMarkdownOffThread(input.body), meta: {} };
      const fileIds = [...new Set(input.attachmentIds)];
      const created = await db.transaction().execute(async (trx) => {
        const ticket = await openTicket(
          trx,
          ctx,
          {
            subject: input.subject,
            requesterId: customerId,
            message: { body: input.body, attachmentIds: [] },
            channel: 'portal',
            ...(await newRequest(trx, 'portal')),
          },
          'customer',
          rendered,
        );
        if (fileIds.length > 0) {
          const messageId = (await lastMessageId(trx, ticket.id))!;
          const taken = await takeFilesForNewRequest(trx, fileIds, {
            customerId,
            ticketId: ticket.id,
            messageId,
          });
          if (taken !== fileIds.length)
            throw new AppError('VALIDATION_FAILED', 'Some files are unknown or were already sent', [
              { path: ['attachmentIds'], message: 'Not attachable' },
            ]);
        }
        await acknowledge(trx, config, ticket);
        return detail(trx, ticket.id, customerId);
      });
      live.publish({ type: 'ticket.created', ticketId: created.id, publicFor: customerId });
      return created;
    },

    async reply(ctx: RequestContext, ticketId: number, body: string, attachmentIds: number[] = []) {
      const customerId = await me(ctx);
      const rendered = { html: await renderMarkdownOffThread(body), meta: {} };
      const answer = await db.transaction().execute(async (trx) => {
        if (!(await repo.requestOf(trx, ticketId, customerId)))
          throw notFound('TICKET_NOT_FOUND', `Request #${ticketId}`);
        const result = await addCustomerMessage(trx, ctx, ticketId, {
          customerId,
          body,
          channel: 'portal',
          attachmentIds,
          rendered,
        });
        return detail(trx, result.ticketId, customerId);
      });
      live.publish(
        answer.id === ticketId
          ? { type: 'ticket.changed', ticketId, version: null, publicFor: customerId }
          : { type: 'ticket.created', ticketId: answer.id, publicFor: customerId },
      );
      return answer;
    },

    /**
     * Mails a one-time sign-in link. Says nothing about whether the address is known. Limited per
     * asking client (429 past it) and per address and client (quietly not sent past it).
     */
    async sendMagicLink(email: string, requesterIp: string | null): Promise<void> {
      const now = nowIso();
      const ip = requesterIp ?? 'unknown';
      const since = addMinutes(now, -60);
      if ((await repo.recentLinksFrom(db, ip, since)) >= LINKS_PER_IP)
        throw new AppError(
          'RATE_LIMITED',
          'Too many sign-in links were asked from your network; try again in an hour',
        );
      if ((await repo.recentLinksFrom(db, ip, since, email)) >= LINKS_PER_ADDRESS_AND_IP) return;
      const token = randomToken(32);
      await db.transaction().execute(async (trx) => {
        await repo.insertMagicLink(trx, {
          tokenHash: sha256(token),
          email,
          requesterIp: ip,
          expiresAt: addMinutes(now, LINK_MINUTES),
          now,
        });
        const link = `${config.publicUrl}/portal/magic?token=${token}`;
        await enqueueMail(trx, {
          to: email,
          subject: 'Your sign-in link to your requests',
          text: `Hello,\n\nFollow this link to see your requests with us. It works once, for ${LINK_MINUTES} minutes:\n\n${link}\n\nIf you did not ask for it, you can ignore this mail.`,
        });
      });
    },

    /**
     * Turns a sign-in link into a portal session, creating the customer's account on first use.
     * A customer with two-factor on also gives a code; the link stays usable until it does.
     */
    async redeemMagicLink(token: string, totp: string | undefined, client: ClientInfo) {
      const now = nowIso();
      const email = await repo.peekMagicLink(db, sha256(token), now);
      if (!email) throw linkNotValid();
      const holder = await repo.findUserByEmail(db, email);
      const codeChecked = holder?.role === 'customer' && !holder.deactivated_at && !!holder.totp_enabled_at;
      if (holder && codeChecked) {
        if (holder.locked_until && holder.locked_until > now)
          throw invalidCredentials(config.login.lockoutMinutes);
        if (!totp)
          throw new AppError('TOTP_REQUIRED', 'Enter the six-digit code from your authenticator app');
        if (!(await spendTotp(db, holder, totp))) {
          await failures.record(holder, client);
          throw new AppError('INVALID_CREDENTIALS', 'The two-factor code is not correct');
        }
      }
      const user = await db.transaction().execute(async (trx) => {
        if ((await repo.redeemMagicLink(trx, sha256(token), now)) !== email) throw linkNotValid();
        const customer = await loadCustomer(trx, (await findOrCreateCustomer(trx, { email }, now)).id);
        const existing = await repo.findUserByEmail(trx, email);
        if (existing && existing.role !== 'customer') {
          throw new AppError(
            'FORBIDDEN',
            'This address belongs to a staff account; sign in on the staff sign-in page',
          );
        }
        if (existing?.deactivated_at) throw new AppError('INVALID_CREDENTIALS', 'This account is closed');
        // Two-factor turned on since the check above: the code was not asked for yet.
        if (existing?.totp_enabled_at && !codeChecked)
          throw new AppError('TOTP_REQUIRED', 'Enter the six-digit code from your authenticator app');
        if (existing) {
          if (existing.customer_id !== customer.id) await linkToCustomer(trx, existing.id, customer.id);
          return { id: existing.id, name: existing.name, email, role: 'customer' as const };
        }
        const id = await insertUserRow(trx, {
          email,
          name: customer.name,
          role: 'customer',
          customerId: customer.id,
          now,
        });
        return { id, name: customer.name, email, role: 'customer' as const };
      });
      return startSession(db, config, user, client, 'auth.magic_link');
    },

    /** The public contact form: a robot that fills the hidden field gets a reply like anyone's, and no ticket. */
    async contact(input: z.output<typeof contactFormBody>): Promise<string> {
      if (input.website) return `#${await likelyNextTicketId(db)}`;
      const rendered = { html: await renderMarkdownOffThread(input.message), meta: {} };
      const ticket = await db.transaction().execute(async (trx) => {
        const opened = await openTicket(
          trx,
          systemContext('Contact form'),
          {
            subject: input.subject,
            requester: { email: input.email, name: input.name },
            message: { body: input.message, attachmentIds: [] },
            channel: 'web',
            ...(await newRequest(trx, 'contactForm')),
          },
          'customer',
          rendered,
        );
        await acknowledge(trx, config, opened);
        return opened;
      });
      live.publish({ type: 'ticket.created', ticketId: ticket.id, publicFor: ticket.requester.id });
      return `#${ticket.id}`;
    },
  };
}

export type PortalService = ReturnType<typeof portalService>;
