import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * "Column contains the text", case-insensitive, with % and _ in the text matched literally.
 * The escape character must be named: SQLite has no default one, PostgreSQL uses backslash.
 */
export function containsText(column: Expression<string | null>, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
}
