import { z } from 'zod';
import { isoTimestamp, type Role } from './common';
import { proseText } from './text';

/** The most one entry may hold: a whole day. */
export const MAX_TIME_ENTRY_MINUTES = 24 * 60;
export const MAX_TIME_ENTRY_NOTE = 500;

/** Time a staff member spent on a ticket (handle time), logged by them. */
export const timeEntrySchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  user: z
    .object({ id: z.number(), name: z.string() })
    .nullable()
    .describe('Who spent the time and logged it; null once that person was deleted'),
  minutes: z.number().int().describe('Minutes spent'),
  note: z.string().describe('What the time went on; empty when none was given'),
  createdAt: isoTimestamp,
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

export const timeEntryList = z.object({
  data: z.array(timeEntrySchema).describe('Newest first'),
  totalMinutes: z.number().int().describe('The minutes of every entry on the ticket, added up'),
});
export type TimeEntryList = z.infer<typeof timeEntryList>;

export const logTimeBody = z
  .object({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_TIME_ENTRY_MINUTES)
      .describe(`Whole minutes spent, 1 to ${MAX_TIME_ENTRY_MINUTES}`),
    note: proseText(MAX_TIME_ENTRY_NOTE, { min: 0 })
      .optional()
      .describe(`What the time went on, at most ${MAX_TIME_ENTRY_NOTE} characters`),
  })
  .strict();
export type LogTimeBody = z.input<typeof logTimeBody>;

export const timeEntryParams = z
  .object({
    id: z.coerce.number().int().positive().describe('The ticket'),
    entryId: z.coerce.number().int().positive().describe('The time entry'),
  })
  .strict();

/**
 * Who may remove a time entry: its author, and managers and admins anyone's. The server's
 * policy and the web app's remove buttons both ask this.
 */
export function canRemoveTimeEntry(
  viewer: { role: Role; userId: number | null },
  entry: { userId: number | null },
): boolean {
  if (viewer.role === 'admin' || viewer.role === 'manager') return true;
  return viewer.userId !== null && entry.userId !== null && viewer.userId === entry.userId;
}

/** Minutes as people say them: "25 min", "2 h", "1 h 25 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
