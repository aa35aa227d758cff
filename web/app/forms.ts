import type { ReactNode } from 'react';
import { ApiError, errorMessage } from './api';

/** The part of a Mantine form that server errors are written to. */
interface ErrorTarget<Values> {
  getValues: () => Values;
  setFieldError: (path: string, error: ReactNode) => void;
  setErrors: (errors: Record<string, ReactNode>) => void;
}

/**
 * Puts a failed request's errors on a form: field errors from VALIDATION_FAILED details, and
 * known error codes on the field they concern. Returns the message to show above the form when
 * no field took it, or null.
 */
export function applyServerErrors<Values extends object>(
  form: ErrorTarget<Values>,
  error: unknown,
  codeToField: Partial<Record<string, keyof Values & string>> = {},
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const field = codeToField[error.code];
  if (field) {
    form.setFieldError(field, error.message);
    return null;
  }
  if (error.code === 'VALIDATION_FAILED') {
    const fields = Object.keys(form.getValues());
    const errors: Record<string, string> = {};
    for (const issue of error.fieldIssues) {
      const top = issue.path.split('.')[0] ?? '';
      const target = fields.includes(top) ? top : fields.find((f) => `${f}Ids` === top || f === `${top}Ids`);
      if (target) errors[target] ??= issue.message;
    }
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return null;
    }
  }
  return error.message;
}

/** Whether a value is shaped like an email address; the server checks it properly. */
export function looksLikeEmail(value: string): boolean {
  return /^\S+@\S+\.\S+$/.test(value.trim());
}
