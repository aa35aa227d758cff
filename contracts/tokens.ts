import { z } from 'zod';
import { isoTimestamp, pageQuery, staffRoleSchema } from './common';
import { lineText } from './text';

export const apiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: staffRoleSchema,
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  createdBy: z
    .object({ id: z.number(), name: z.string(), active: z.boolean() })
    .nullable()
    .describe('Who owns the token; null for tokens made on the command line'),
  suspended: z
    .boolean()
    .describe('The owner is deactivated: the token is refused (401) until they are reactivated'),
  createdAt: isoTimestamp,
  lastUsedAt: isoTimestamp.nullable(),
  revokedAt: isoTimestamp.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createApiTokenBody = z.object({ name: lineText(80), role: staffRoleSchema }).strict();
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>;

export const createdApiToken = z.object({
  token: apiTokenSchema,
  secret: z.string().describe('The token itself. Shown once; store it now.'),
});
export type CreatedApiToken = z.infer<typeof createdApiToken>;

export const listApiTokensQuery = pageQuery
  .extend({
    status: z.enum(['active', 'revoked', 'all']).default('active'),
    createdBy: z.coerce.number().int().positive().optional().describe('Only the tokens this user made'),
  })
  .strict();
