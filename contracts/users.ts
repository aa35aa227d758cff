import { z } from 'zod';
import { password } from './auth';
import { isoTimestamp, pageQuery, roleSchema } from './common';

const tagList = z.array(z.string().trim().min(1).max(40)).max(30);
const timezone = z.string().min(1).max(64);

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
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
    name: z.string().trim().min(1).max(120),
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
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
    name: z.string().trim().min(1).max(120).optional(),
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
    q: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
    status: z.enum(['active', 'deactivated', 'all']).default('active'),
    teamId: z.coerce.number().int().positive().optional(),
  })
  .strict();
export type ListUsersQuery = z.input<typeof listUsersQuery>;
