import type { Compilable, CompiledQuery, InsertQueryBuilder, InsertResult, QueryResult } from 'kysely';
import type { DbOrTrx } from './database';
import { adapterOf, type DialectAdapter } from './dialect';
import type { Database } from './schema';

const MARK = '\u0000param:';

type Scalar = string | number | null;

interface Template<R> {
  query: CompiledQuery<R>;
  /** For each parameter of the compiled SQL: the name of an input, or a value fixed at build time. */
  slots: ({ name: string } | { value: unknown })[];
}

/**
 * A query of fixed shape, built and compiled by Kysely once per dialect and then run with new
 * values. On hot paths building and compiling a query costs more than SQLite takes to run it.
 * Inputs are scalars (an array would change the SQL), named by the `params` given to `build`.
 * Raw SQL is built with `sql\`…\`.compile(db)`.
 */
export function prepared<P extends Record<string, Scalar>, R>(
  build: (db: DbOrTrx, params: P) => Compilable<R> | CompiledQuery<R>,
) {
  const templates = new Map<DialectAdapter, Template<R>>();

  function template(db: DbOrTrx): Template<R> {
    const dialect = adapterOf(db);
    let found = templates.get(dialect);
    if (!found) {
      // Each input stands in as a marker string, so its place among the parameters can be found.
      // (Markers cannot be listed or spread: name each input where it goes.)
      const markers = new Proxy({}, { get: (_, key) => `${MARK}${String(key)}` }) as P;
      const built = build(db, markers);
      const query = 'compile' in built ? built.compile() : built;
      const slots = query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { value },
      );
      found = { query, slots };
      templates.set(dialect, found);
    }
    return found;
  }

  function run(db: DbOrTrx, values: P): Promise<QueryResult<R>> {
    const { query, slots } = template(db);
    const parameters = slots.map((slot) => ('name' in slot ? values[slot.name] : slot.value));
    return db.executeQuery<R>({ ...query, parameters });
  }

  async function rows(db: DbOrTrx, values: P): Promise<R[]> {
    return (await run(db, values)).rows;
  }

  return {
    run,
    rows,
    async first(db: DbOrTrx, values: P): Promise<R | undefined> {
      return (await rows(db, values))[0];
    },
  };
}

/**
 * An insert of fixed shape (see `prepared`) that answers the new row's id: by RETURNING on
 * PostgreSQL, and on SQLite by the statement's last row id. There a RETURNING clause would open a
 * statement journal, and each statement that opens one makes the full-text tables written earlier
 * in the transaction flush their pending rows into a segment of their own: one per ticket instead
 * of one per batch of tickets opened together (docs/adr/0010-opening-tickets-without-statement-journals.md).
 */
export function insertReturningId<P extends Record<string, Scalar>, T extends keyof Database>(
  build: (db: DbOrTrx, params: P) => InsertQueryBuilder<Database, T, InsertResult>,
) {
  const statement = prepared<P, { id?: number }>((db, params) =>
    adapterOf(db).returningId(build(db, params)),
  );
  return async (db: DbOrTrx, values: P): Promise<number> => {
    const result = await statement.run(db, values);
    const id = adapterOf(db).insertedId(result);
    if (id === undefined) throw new Error('The insert answered no id');
    return Number(id);
  };
}

/**
 * A query whose shape is one of a few (the columns an update sets, whether it checks a version):
 * built once per shape, as `prepared` builds one. `build` is given the shape's keys, and `run`
 * the values of those keys (others are left out), plus any the build always names.
 */
export function preparedByShape<P extends Record<string, Scalar>, R>(
  build: (db: DbOrTrx, params: P, keys: readonly string[]) => Compilable<R> | CompiledQuery<R>,
  size = 200,
) {
  const shapes = new Map<string, ReturnType<typeof prepared<P, R>>>();
  return function run(db: DbOrTrx, keys: readonly string[], values: P): Promise<QueryResult<R>> {
    const shape = keys.join('\u0000');
    let statement = shapes.get(shape);
    if (!statement) {
      const fixed = [...keys];
      statement = prepared<P, R>((on, params) => build(on, params, fixed));
      if (shapes.size >= size) shapes.delete(shapes.keys().next().value!);
      shapes.set(shape, statement);
    }
    return statement.run(db, values);
  };
}

/** The named inputs as an object, for statements with many columns (markers cannot be spread). */
export function pick<P extends Record<string, Scalar>, K extends keyof P>(params: P, keys: readonly K[]) {
  return Object.fromEntries(keys.map((key) => [key, params[key]])) as Pick<P, K>;
}

/**
 * Compiled queries kept by a key that fixes them entirely (shape and values), for queries built
 * from filters whose shape varies (lists of ids, optional conditions) but repeats: the first page
 * of each agent's queues. Most recently used are kept.
 */
export function compiledByKey<R>(size = 500) {
  const cache = new Map<string, CompiledQuery<R>>();
  return async function run(db: DbOrTrx, key: string, build: () => Compilable<R>): Promise<R[]> {
    const full = `${adapterOf(db).kind}\u0000${key}`;
    let query = cache.get(full);
    if (query) cache.delete(full);
    else {
      query = build().compile();
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(full, query);
    return (await db.executeQuery<R>(query)).rows;
  };
}
