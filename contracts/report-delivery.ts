import { z } from 'zod';
import { reportFilterFields, reportFiltersSchema, reportKinds, reportSchema } from './reports';
import { emailAddress, lineText } from './text';

// Reports that leave the app: read-only share links for another department, and reports mailed
// on a schedule with the CSV attached.

/** A share link's token: 43 URL-safe characters (the server keeps only its hash). */
export const shareToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a share link')
  .describe('The token from the share link');
export const shareTokenParam = z.object({ token: shareToken }).strict();

export const MAX_SHARE_DAYS = 366;

export const createReportShareBody = z
  .object({
    report: z.enum(reportKinds),
    filters: reportFiltersSchema,
    label: lineText(80, { min: 0 }).default(''),
    expiresInDays: z.number().int().min(1).max(MAX_SHARE_DAYS).default(30),
  })
  .strict();
export type CreateReportShareBody = z.input<typeof createReportShareBody>;

export const reportShareSchema = z.object({
  id: z.number(),
  report: z.enum(reportKinds),
  filters: z.record(z.string(), z.union([z.string(), z.number()])),
  label: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export type ReportShare = z.infer<typeof reportShareSchema>;

export const reportShareList = z.object({ items: z.array(reportShareSchema) });
/** The created link: the only time its token is shown. */
export const createdReportShare = reportShareSchema.extend({
  token: z.string(),
  path: z.string().describe('The public page, /shared/<token>'),
});
export type CreatedReportShare = z.infer<typeof createdReportShare>;

export const sharedReportSchema = z.object({
  label: z.string(),
  expiresAt: z.string(),
  report: reportSchema,
});
export type SharedReport = z.infer<typeof sharedReportSchema>;

export const cadences = ['daily', 'weekly', 'monthly'] as const;
export type Cadence = (typeof cadences)[number];
export const MAX_RECIPIENTS = 20;

/** A schedule's report filters: the report's filters without the period, which the cadence sets. */
const { from: _from, to: _to, ...scheduleFilterFields } = reportFilterFields;
export const scheduleFiltersSchema = z.object(scheduleFilterFields).strict();
export type ScheduleFilters = z.infer<typeof scheduleFiltersSchema>;

const scheduleFields = {
  name: lineText(80),
  report: z.enum(reportKinds),
  filters: scheduleFiltersSchema.default({}),
  cadence: z.enum(cadences),
  weekday: z.number().int().min(0).max(6).nullable().default(null).describe('0 = Sunday; weekly only'),
  monthDay: z
    .number()
    .int()
    .min(1)
    .max(31)
    .nullable()
    .default(null)
    .describe('Day of the month; a short month sends on its last day. Monthly only'),
  hour: z.number().int().min(0).max(23).describe('Hour of the day in the department’s time zone'),
  userIds: z.array(z.number().int().positive()).max(MAX_RECIPIENTS).default([]),
  emails: z.array(emailAddress).max(MAX_RECIPIENTS).default([]),
  active: z.boolean().default(true),
};

type ScheduleShape = {
  cadence?: Cadence;
  weekday?: number | null;
  monthDay?: number | null;
  userIds?: number[];
  emails?: string[];
};
/** Weekly needs a weekday, monthly a day of the month; 1 to 20 recipients. */
function scheduleChecked<T extends z.ZodType<ScheduleShape>>(schema: T, partial: boolean) {
  return schema
    .refine((b) => b.cadence !== 'weekly' || (b.weekday ?? null) !== null, {
      message: 'A weekly report needs a weekday',
      path: ['weekday'],
    })
    .refine((b) => b.cadence !== 'monthly' || (b.monthDay ?? null) !== null, {
      message: 'A monthly report needs a day of the month',
      path: ['monthDay'],
    })
    .refine(
      (b) =>
        (partial && b.userIds === undefined && b.emails === undefined) ||
        ((b.userIds?.length ?? 0) + (b.emails?.length ?? 0) >= 1 &&
          (b.userIds?.length ?? 0) + (b.emails?.length ?? 0) <= MAX_RECIPIENTS),
      { message: `Between 1 and ${MAX_RECIPIENTS} recipients`, path: ['emails'] },
    );
}

export const createReportScheduleBody = scheduleChecked(z.object(scheduleFields).strict(), false);
export type CreateReportScheduleBody = z.input<typeof createReportScheduleBody>;
export const updateReportScheduleBody = scheduleChecked(
  z
    .object({
      name: scheduleFields.name,
      report: scheduleFields.report,
      filters: scheduleFiltersSchema,
      cadence: scheduleFields.cadence,
      weekday: z.number().int().min(0).max(6).nullable(),
      monthDay: z.number().int().min(1).max(31).nullable(),
      hour: scheduleFields.hour,
      userIds: z.array(z.number().int().positive()).max(MAX_RECIPIENTS),
      emails: z.array(emailAddress).max(MAX_RECIPIENTS),
      active: z.boolean(),
    })
    .partial()
    .strict(),
  true,
);
export type UpdateReportScheduleBody = z.input<typeof updateReportScheduleBody>;

export const scheduleRunSchema = z.object({
  id: z.number(),
  periodKey: z.string().nullable().describe('The local date the run is for; null for a test send'),
  test: z.boolean(),
  status: z.enum(['sending', 'sent', 'failed', 'dead']),
  attempts: z.number(),
  error: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  recipients: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ScheduleRun = z.infer<typeof scheduleRunSchema>;

export const reportScheduleSchema = z.object({
  id: z.number(),
  name: z.string(),
  report: z.enum(reportKinds),
  filters: z.record(z.string(), z.union([z.string(), z.number()])),
  cadence: z.enum(cadences),
  weekday: z.number().nullable(),
  monthDay: z.number().nullable(),
  hour: z.number(),
  timezone: z.string(),
  recipients: z.object({
    users: z.array(z.object({ id: z.number(), name: z.string(), email: z.string() })),
    emails: z.array(z.string()),
  }),
  active: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRun: scheduleRunSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

export const reportScheduleList = z.object({ items: z.array(reportScheduleSchema) });
export const scheduleRunList = z.object({ items: z.array(scheduleRunSchema) });
