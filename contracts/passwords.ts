import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** A password someone chooses: what the server accepts and what forms check before sending. */
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** A password typed to sign in or confirm: any length a stored one could have. */
export const passwordEntered = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/** What a form says of a new password that is too short, or null when it is long enough. */
export function passwordTooShort(value: string): string | null {
  return value.length >= PASSWORD_MIN_LENGTH
    ? null
    : `A password needs at least ${PASSWORD_MIN_LENGTH} characters`;
}
