/** True when a write failed on a UNIQUE constraint, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object' || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * True when PostgreSQL refused text it cannot store (a NUL byte, or a character outside the
 * database encoding). The contracts refuse these first; this catches any field they miss.
 */
export function isUnstorableText(error: unknown): boolean {
  if (!error || typeof error !== 'object' || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '22021' || code === '22P05';
}

/** A read ran past its time limit and was stopped (`timeLimited` in server/db/dialect). */
export class TimeLimitExceeded extends Error {
  constructor(readonly ms: number) {
    super(`The read was stopped after ${ms} ms`);
    this.name = 'TimeLimitExceeded';
  }
}

/** True when PostgreSQL cancelled a statement (statement_timeout, or a cancel request). */
export function isCancelledStatement(error: unknown): boolean {
  return !!error && typeof error === 'object' && 'code' in error && error.code === '57014';
}
