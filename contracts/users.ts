import { z } from 'zod';
import { isoTimestamp, pageQuery, roleSchema } from './common';
import { password } from './passwords';
import { emailAddress, lineText, plainText } from './text';

const tagList = z.array(lineText(40)).max(30);
const timezone = plainText(64, { min: 1 });

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  initials: z.string(),
  timezone: z.string(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  teams: z.array(z.object({ id: z.number(), name: z.string() })),
  status: z.enum(['active', 'deactivated']),
  twoFactorEnabled: z.boolean(),
  lastLoginAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type User = z.infer<typeof userSchema>;

export const createUserBody = z
  .object({
    email: emailAddress,
    name: lineText(120),
    role: roleSchema,
    password: password.optional(),
    timezone: timezone.default('UTC'),
    skills: tagList.default([]),
    languages: tagList.default([]),
    teamIds: z.array(z.number().int().positive()).max(50).default([]),
  })
  .strict();
export type CreateUserBody = z.input<typeof createUserBody>;

export const updateUserBody = z
  .object({
    email: emailAddress.optional(),
    name: lineText(120).optional(),
    role: roleSchema.optional(),
    timezone: timezone.optional(),
    skills: tagList.optional(),
    languages: tagList.optional(),
    teamIds: z.array(z.number().int().positive()).max(50).optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .strict();
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password }).strict();

export const listUsersQuery = pageQuery
  .extend({
    q: plainText(100).optional(),
    role: roleSchema.optional(),
    status: z.enum(['active', 'deactivated', 'all']).default('active'),
    teamId: z.coerce.number().int().positive().optional(),
  })
  .strict();
export type ListUsersQuery = z.input<typeof listUsersQuery>;
