import { z } from 'zod';
import { isoTimestamp, roleSchema } from './common';
import { PASSWORD_MAX_LENGTH, password, passwordEntered } from './passwords';
import { emailAddress, lineText, plainText } from './text';

/** A six-digit code from an authenticator app; each one works once. */
export const totpCode = z.string().regex(/^\d{6}$/, 'A six-digit code');

export const loginBody = z
  .object({
    email: emailAddress,
    password: passwordEntered,
    totp: totpCode.optional(),
  })
  .strict();
export type LoginBody = z.input<typeof loginBody>;

export const meSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  timezone: z.string(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  initials: z.string(),
  twoFactorEnabled: z.boolean(),
  teams: z.array(z.object({ id: z.number(), name: z.string() })),
  lastLoginAt: isoTimestamp.nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionInfo = z.object({
  user: meSchema.nullable().describe('The signed-in person; null for an API token'),
  token: z
    .object({ id: z.number(), name: z.string(), role: roleSchema })
    .nullable()
    .describe('The API token in use'),
  csrfToken: z
    .string()
    .nullable()
    .describe('Send as the x-csrf-token header on every cookie-authenticated write'),
  expiresAt: isoTimestamp.nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const updateMeBody = z
  .object({
    name: lineText(120).optional(),
    timezone: plainText(64, { min: 1 }).optional(),
    languages: z
      .array(lineText(16, { min: 2 }))
      .max(20)
      .optional(),
  })
  .strict();

export const changePasswordBody = z
  .object({
    currentPassword: z
      .string()
      .max(PASSWORD_MAX_LENGTH)
      .describe('Empty for an account that has no password yet (signed in by link)'),
    newPassword: password,
  })
  .strict();

export const twoFactorSetup = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});
export type TwoFactorSetup = z.infer<typeof twoFactorSetup>;
export const twoFactorEnableBody = z
  .object({ code: z.string().regex(/^\d{6}$/, 'A six-digit code') })
  .strict();
export const twoFactorDisableBody = z.object({ password: passwordEntered }).strict();

export const sessionListItem = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: isoTimestamp,
  lastSeenAt: isoTimestamp,
  expiresAt: isoTimestamp,
});
export type SessionListItem = z.infer<typeof sessionListItem>;

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.enum([
    'mention',
    'mail_failed',
    'sla_warning',
    'sla_breach',
    'contract_review',
    'unassigned_alert',
    'automation',
    'follow_up',
    'spike_alert',
    'goal_at_risk',
  ]),
  ticketId: z.number().nullable(),
  actorName: z.string(),
  detail: z
    .string()
    .nullable()
    .describe('For service levels: the target concerned; for a contract review: the contract'),
  read: z.boolean(),
  createdAt: isoTimestamp,
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationsList = z.object({ data: z.array(notificationSchema), unread: z.number() });
export const markNotificationsBody = z
  .object({
    ids: z.array(z.number().int().positive()).max(200).optional().describe('Omit to mark all as read'),
  })
  .strict();
