import { z } from 'zod';
import { isoTimestamp } from './common';
import { lineText, proseText } from './text';

/**
 * Testimonials: a promoter's comment (an NPS answer of 9–10, or a top CSAT rating, with a
 * comment) that the customer agreed may be quoted. The request goes out by mail; the public
 * page shows the exact quote and consent wording, and the customer approves (choosing how they
 * are named), declines, or later withdraws. Only approved, published ones reach marketing.
 */
export const testimonialStates = ['requested', 'approved', 'declined', 'withdrawn', 'expired'] as const;
export type TestimonialState = (typeof testimonialStates)[number];
export const testimonialSources = ['csat', 'nps'] as const;
export type TestimonialSource = (typeof testimonialSources)[number];
export const displayChoices = ['full', 'first_org', 'anonymous'] as const;
export type DisplayChoice = (typeof displayChoices)[number];

export const defaultTestimonialSubject = 'May we quote you, {{customer.name}}?';
export const defaultTestimonialBody = [
  'Hello {{customer.name}},',
  '',
  'Thank you for your kind words about {{company.name}}:',
  '',
  '"{{testimonial.quote}}"',
  '',
  'May we quote them? The page below shows the exact words we would use and lets you choose how you are named, or say no:',
  '',
  '{{testimonial.url}}',
  '',
  'You can change your mind later from the same link.',
].join('\n');
export const defaultConsentWording =
  'I agree that {company} may publish my comment above, exactly as written, on its website and in its marketing material, with my name shown as I choose below. I can withdraw this consent at any time from the same link.';

/** The consent wording as the customer reads it: `{company}` becomes the company's name. */
export function consentText(wording: string, company: string): string {
  return wording.split('{company}').join(company || 'the company');
}

/** How a customer is named under their quote, for each choice. */
export function displayOf(
  choice: DisplayChoice,
  name: string,
  organization: string | null,
): { name: string; organization: string | null } {
  if (choice === 'full') return { name: name.trim(), organization: null };
  if (choice === 'first_org') return { name: name.trim().split(/\s+/)[0] ?? '', organization };
  return { name: 'Anonymous customer', organization: null };
}

const person = z.object({ id: z.number(), name: z.string(), email: z.string().nullable() });

export const testimonialSchema = z.object({
  id: z.number(),
  source: z.enum(testimonialSources),
  state: z.enum(testimonialStates),
  quote: z.string().describe("The customer's comment, exactly as they wrote it"),
  score: z.number().describe('The NPS score (0–10) or CSAT rating the comment came with'),
  customer: person,
  organization: z.object({ id: z.number(), name: z.string() }).nullable(),
  displayAs: z.enum(displayChoices).nullable(),
  displayName: z.string().nullable().describe('The name shown under the quote, as agreed'),
  displayOrganization: z.string().nullable().describe('The organisation shown, as agreed'),
  consentWording: z.string().nullable().describe('The consent text the customer was shown and agreed to'),
  consentedAt: isoTimestamp.nullable(),
  requestedAt: isoTimestamp.nullable(),
  expiresAt: isoTimestamp.nullable(),
  declinedAt: isoTimestamp.nullable(),
  withdrawnAt: isoTimestamp.nullable(),
  published: z.boolean().describe('False when a manager took an approved quote off the list'),
  createdAt: isoTimestamp,
});
export type Testimonial = z.infer<typeof testimonialSchema>;
export const testimonialList = z.object({ data: z.array(testimonialSchema) });

export const testimonialsQuery = z
  .object({
    state: z.enum(testimonialStates).optional(),
    source: z.enum(testimonialSources).optional(),
  })
  .strict();
export type TestimonialsQuery = z.infer<typeof testimonialsQuery>;

export const testimonialsExportQuery = z.object({ format: z.enum(['csv', 'json']).default('csv') }).strict();

/** One approved, published testimonial as marketing receives it. */
export const testimonialExportItem = z.object({
  id: z.number(),
  quote: z.string(),
  displayName: z.string(),
  organization: z.string().nullable(),
  source: z.enum(testimonialSources),
  consentedAt: isoTimestamp,
  consentWording: z.string(),
});
export type TestimonialExportItem = z.infer<typeof testimonialExportItem>;

export const updateTestimonialBody = z
  .object({ published: z.boolean().describe('Take an approved quote off the list, or put it back') })
  .strict();

export const testimonialSettingsSchema = z.object({
  enabled: z.boolean(),
  subject: z.string().describe('The request mail subject ({{customer.name}} and others are filled in)'),
  body: z.string().describe('The request mail text; {{testimonial.url}} is the link'),
  consentWording: z.string().describe('The consent text the page shows; {company} is the company name'),
  capDays: z.number().int().describe('No customer is asked more than once in this many days'),
  linkDays: z.number().int().describe('Days a request link works for approving'),
  delayMinutes: z
    .number()
    .int()
    .describe('Minutes after the answer before the request goes (time to change it)'),
  updatedAt: isoTimestamp.nullable(),
});
export type TestimonialSettings = z.infer<typeof testimonialSettingsSchema>;
export const updateTestimonialSettingsBody = z
  .object({
    enabled: z.boolean(),
    subject: lineText(200),
    body: proseText(4000),
    consentWording: proseText(1000),
    capDays: z.number().int().min(0).max(730),
    linkDays: z.number().int().min(1).max(365),
    delayMinutes: z.number().int().min(0).max(10080),
  })
  .partial()
  .strict();
export type UpdateTestimonialSettingsBody = z.input<typeof updateTestimonialSettingsBody>;

/** The token of a request link: URL-safe characters. */
export const testimonialTokenParam = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a testimonial link') })
  .strict();

/** What the public page shows: the exact quote and consent text, and the choices of name. */
export const publicTestimonialSchema = z.object({
  company: z.string(),
  quote: z.string(),
  consentWording: z.string(),
  choices: z.array(
    z.object({ value: z.enum(displayChoices), name: z.string(), organization: z.string().nullable() }),
  ),
  state: z.enum(['requested', 'approved', 'declined', 'withdrawn']),
  displayAs: z.enum(displayChoices).nullable(),
  consentedAt: isoTimestamp.nullable(),
  expiresAt: isoTimestamp.nullable(),
  expired: z.boolean().describe('The link no longer approves (it still withdraws)'),
});
export type PublicTestimonial = z.infer<typeof publicTestimonialSchema>;

export const testimonialDecisionBody = z
  .object({
    decision: z.enum(['approve', 'decline', 'withdraw']),
    displayAs: z.enum(displayChoices).optional().describe('How to be named (required to approve)'),
  })
  .strict();
export type TestimonialDecisionBody = z.input<typeof testimonialDecisionBody>;
