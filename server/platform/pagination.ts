import { AppError } from './errors';

/** Cursors are opaque to clients: base64url of the last row's sort key. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string' || typeof v === 'number'))
      return parsed;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'The cursor is not valid', [
    { path: ['cursor'], message: 'Invalid cursor' },
  ]);
}

/** Takes limit+1 rows and splits off the extra one to know whether there is a next page. */
export function splitPage<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => (string | number)[],
): { rows: Row[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { rows: pageRows, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}

/** A cursor page, as every list route answers. */
export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
  keyOf: (row: Row) => (string | number)[],
): Page<Item> {
  const page = splitPage(rows, limit, keyOf);
  return { data: page.rows.map(map), nextCursor: page.nextCursor };
}

export function cursorId(cursor: string | undefined): number | null {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const id = key[0];
  if (typeof id !== 'number') throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');
  return id;
}
