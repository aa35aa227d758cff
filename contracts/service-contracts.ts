import { z } from 'zod';
import { holidayDate } from './business-hours';
import { isoTimestamp } from './common';
import { lineText } from './text';

/**
 * A support contract of an organisation: its plan, the service-level policy its tickets run
 * under, when it runs, what it includes each month (tickets, or support hours counted from the
 * calls and visits agents log), and who owns it.
 */
export const entitlementKinds = ['tickets', 'hours'] as const;
export const contractStatuses = ['upcoming', 'active', 'expired'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

const ref = z.object({ id: z.number(), name: z.string() });
const date = holidayDate.describe('A date like 2027-03-31');

export const contractUsageSchema = z.object({
  month: z.string().describe('The calendar month counted (UTC), like 2026-12'),
  used: z.number().describe('Tickets opened, or hours of logged calls and visits, this month'),
  included: z.number().nullable(),
  over: z.boolean().describe('More used than included'),
});
export type ContractUsage = z.infer<typeof contractUsageSchema>;

export const contractSchema = z
  .object({
    id: z.number(),
    organization: ref,
    plan: z.string(),
    slaPolicy: ref.nullable().describe("The service-level policy the organisation's tickets run under"),
    startsOn: z.string(),
    endsOn: z.string(),
    entitlement: z.object({ kind: z.enum(entitlementKinds), perMonth: z.number() }).nullable(),
    owner: ref.nullable(),
    reviewDaysBefore: z.number().describe('Days before the end when the renewal review is due'),
    notes: z.string(),
    status: z.enum(contractStatuses),
    reviewDue: z.boolean().describe('The renewal review date has come and the contract has not ended'),
    reviewOn: z.string().describe('The date the renewal review is due'),
    usage: contractUsageSchema,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .describe('A support contract');
export type Contract = z.infer<typeof contractSchema>;
export const contractsList = z.object({ data: z.array(contractSchema) });

export const contractsQuery = z
  .object({
    organizationId: z.coerce.number().int().positive().optional(),
    status: z.enum(contractStatuses).optional(),
    reviewDue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('Only contracts whose renewal review is due'),
  })
  .strict();

const entitlement = z
  .object({ kind: z.enum(entitlementKinds), perMonth: z.number().int().min(1).max(100_000) })
  .strict()
  .nullable();

export const createContractBody = z
  .object({
    organizationId: z.number().int().positive(),
    plan: lineText(80),
    slaPolicyId: z.number().int().positive().nullable().default(null),
    startsOn: date,
    endsOn: date,
    entitlement: entitlement.default(null),
    ownerId: z.number().int().positive().nullable().default(null),
    reviewDaysBefore: z.number().int().min(0).max(365).default(30),
    notes: lineText(2000, { min: 0 }).default(''),
  })
  .strict()
  .refine((c) => c.endsOn > c.startsOn, { message: 'Ends after it starts', path: ['endsOn'] });
export type CreateContractBody = z.input<typeof createContractBody>;

export const updateContractBody = z
  .object({
    plan: lineText(80).optional(),
    slaPolicyId: z.number().int().positive().nullable().optional(),
    startsOn: date.optional(),
    endsOn: date.optional(),
    entitlement: entitlement.optional(),
    ownerId: z.number().int().positive().nullable().optional(),
    reviewDaysBefore: z.number().int().min(0).max(365).optional(),
    notes: lineText(2000, { min: 0 }).optional(),
  })
  .strict();
export type UpdateContractBody = z.input<typeof updateContractBody>;

/** What a ticket's page shows of its organisation's contract. */
export const ticketContractSchema = z.object({
  contract: contractSchema.nullable().describe("The organisation's current contract, else its latest"),
  flags: z.object({
    expired: z.boolean(),
    overEntitlement: z.boolean(),
  }),
});
export type TicketContract = z.infer<typeof ticketContractSchema>;
