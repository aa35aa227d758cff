import { z } from 'zod';
import { isoTimestamp, pageQuery } from './common';
import { lineText, plainText, proseText } from './text';

export const teamMember = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  initials: z.string(),
});

export const teamSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  lead: teamMember.nullable(),
  members: z.array(teamMember),
  calendar: z
    .object({ id: z.number(), name: z.string() })
    .nullable()
    .describe('The business-hours calendar the team works to; null: the default'),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Team = z.infer<typeof teamSchema>;

export const createTeamBody = z
  .object({
    name: lineText(80),
    description: proseText(500, { min: 0 }).default(''),
    leadId: z.number().int().positive().nullable().default(null),
    memberIds: z.array(z.number().int().positive()).max(500).default([]),
    calendarId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type CreateTeamBody = z.input<typeof createTeamBody>;

export const updateTeamBody = z
  .object({
    name: lineText(80).optional(),
    description: proseText(500, { min: 0 }).optional(),
    leadId: z.number().int().positive().nullable().optional(),
    memberIds: z.array(z.number().int().positive()).max(500).optional(),
    calendarId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type UpdateTeamBody = z.input<typeof updateTeamBody>;

export const listTeamsQuery = pageQuery.extend({ q: plainText(80).optional() }).strict();
