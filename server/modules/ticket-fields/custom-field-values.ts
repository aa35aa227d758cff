import type { CustomField } from '../../../contracts/tickets';
import { AppError } from '../../platform/errors';

type Value = string | number | boolean | null;

function checkValue(field: CustomField, value: Value): string | null {
  if (value === null) return null;
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? null
        : 'must be a date (YYYY-MM-DD)';
    case 'dropdown':
      return typeof value === 'string' && field.options.includes(value)
        ? null
        : `must be one of ${field.options.join(', ')}`;
  }
}

const appliesTo = (field: CustomField, ticketType: string) =>
  field.ticketTypes.length === 0 || field.ticketTypes.includes(ticketType as never);

/**
 * Checks custom field values against the admin's definitions for a ticket type: unknown or
 * archived keys, wrong types, options not in the list; `requireAll` adds the required fields.
 */
export function validateCustomFields(
  fields: CustomField[],
  ticketType: string,
  values: Record<string, Value>,
  requireAll = false,
): Record<string, Value> {
  const byKey = new Map(fields.filter((f) => !f.archived).map((f) => [f.key, f]));
  const issues: { path: string[]; message: string }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field || !appliesTo(field, ticketType)) {
      issues.push({ path: ['customFields', key], message: `No field "${key}" for ${ticketType} tickets` });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) issues.push({ path: ['customFields', key], message: `${field.label} ${problem}` });
  }
  if (requireAll) {
    for (const field of byKey.values()) {
      const value = values[field.key];
      if (
        field.required &&
        appliesTo(field, ticketType) &&
        (value === undefined || value === null || value === '')
      ) {
        issues.push({ path: ['customFields', field.key], message: `${field.label} is required` });
      }
    }
  }
  if (issues.length > 0)
    throw new AppError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), issues);
  return values;
}
