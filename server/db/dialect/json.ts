import { type RawBuilder, sql } from 'kysely';

type Entries = readonly (readonly [key: string, table: string, column: string])[];

/**
 * Builds `fn('key', "table"."column", …)` JSON objects, each entries array once: the keys and
 * columns are fixed names, and such objects sit on hot paths.
 */
export function jsonObjects(fn: 'json_object' | 'json_build_object') {
  const built = new WeakMap<Entries, RawBuilder<string>>();
  return (entries: Entries): RawBuilder<string> => {
    let found = built.get(entries);
    if (!found) {
      const list = entries.map(([key, table, column]) => `'${key}', "${table}"."${column}"`).join(', ');
      found = sql<string>`${sql.raw(fn)}(${sql.raw(list)})`;
      built.set(entries, found);
    }
    return found;
  };
}
