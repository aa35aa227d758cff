import { z } from 'zod';
import { plainText } from './text';

export const roles = ['admin', 'manager', 'agent', 'customer'] as const;
export const staffRoles = ['admin', 'manager', 'agent'] as const;
export const roleSchema = z.enum(roles);
export const staffRoleSchema = z.enum(staffRoles);
export type Role = z.infer<typeof roleSchema>;
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const idParam = z.object({ id: z.coerce.number().int().positive() }).strict();
export const isoTimestamp = z.string().describe('ISO-8601 timestamp (UTC)');

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: plainText(200, { trim: false }).optional(),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const okBody = z.object({ ok: z.literal(true) });
