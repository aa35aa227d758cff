import type { z } from 'zod';

/**
 * A handful of values shaped by a Zod schema, for tests that run many schemas through two code
 * paths and compare: each optional field present and absent, nullable ones null and not, every
 * union branch, strings with quotes, control and non-ASCII characters, and one key on every
 * object that the schema does not name (unless it is strict). Values a schema's checks refuse are for the caller to
 * skip (they are not filtered here except for strings and numbers, tried until one passes).
 */

const MAX = 4;

const strings = [
  'Ada Lovelace',
  'a quote " a backslash \\ a newline \n a tab \t and \u2028',
  'ünïcödé ✓ 🎉',
  'ada@example.com',
  '2026-01-02T03:04:05.000Z',
  'https://example.com/a?b=c',
  '',
];
const numbers = [42, 0, 7.5, -3];
const unknowns: unknown[] = [null, 'text', 12, { nested: ['a', 1, true] }];

/** Up to `max` of `candidates` that `schema` accepts as they are. */
function accepted(schema: z.ZodType, candidates: unknown[], max = 3): unknown[] {
  return candidates.filter((value) => schema.safeParse(value).success).slice(0, max);
}

/** Picks the i-th sample of each list, round robin, so every sample shows up in some variant. */
function variants(count: number, make: (i: number) => unknown): unknown[] {
  return Array.from({ length: Math.min(MAX, Math.max(1, count)) }, (_, i) => make(i));
}

const at = <T>(list: T[], i: number) => list[i % list.length];

export function samplesOf(schema: z.ZodType): unknown[] {
  const def = (schema as unknown as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'string':
    case 'template_literal':
      return accepted(schema, strings);
    case 'number':
      return accepted(schema, numbers);
    case 'boolean':
      return [true, false];
    case 'null':
      return [null];
    case 'unknown':
    case 'any':
      return unknowns;
    case 'enum':
      return Object.values(def.entries).slice(0, MAX);
    case 'literal':
      return def.values.slice(0, MAX);
    case 'nullable':
      return [null, ...samplesOf(def.innerType as z.ZodType)].slice(0, MAX);
    case 'optional':
      return [undefined, ...samplesOf(def.innerType as z.ZodType)].slice(0, MAX);
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return samplesOf(def.innerType as z.ZodType);
    case 'lazy':
      return samplesOf(def.getter() as z.ZodType);
    case 'union':
      return def.options.flatMap((option) => samplesOf(option as z.ZodType).slice(0, 2));
    case 'array': {
      const items = samplesOf(def.element as z.ZodType);
      return [[], items, [...items].reverse()];
    }
    case 'tuple': {
      const lists = def.items.map((item) => samplesOf(item as z.ZodType));
      return variants(Math.max(...lists.map((l) => l.length)), (i) => lists.map((l) => at(l, i)));
    }
    case 'record': {
      // A record keyed by an enum needs every key.
      const keyDef = (def.keyType as z.core.$ZodTypes)._zod.def;
      const keys =
        keyDef.type === 'enum'
          ? Object.values(keyDef.entries)
          : samplesOf(def.keyType as z.ZodType).filter((k) => typeof k === 'string' && k !== '');
      const values = samplesOf(def.valueType as z.ZodType);
      const full = Object.fromEntries(
        keys
          .map((key, i) => [key, values[i % Math.max(1, values.length)]])
          .filter(([, v]) => v !== undefined),
      );
      // An enum-keyed record is exhaustive: it is never empty.
      return keyDef.type === 'enum' ? [full] : [{}, full];
    }
    case 'object': {
      const fields = Object.entries(def.shape).map(
        ([key, field]) => [key, samplesOf(field as z.ZodType)] as const,
      );
      const count = Math.max(1, ...fields.map(([, list]) => list.length));
      // A strict object refuses keys it does not name; any other drops or keeps them.
      const strict = (def.catchall as z.core.$ZodTypes | undefined)?._zod.def.type === 'never';
      return variants(count, (i) => {
        const value: Record<string, unknown> = strict ? {} : { undeclared: 'not in the schema' };
        for (const [key, list] of fields) {
          const sample = at(list, i);
          if (sample !== undefined) value[key] = sample;
        }
        return value;
      });
    }
    case 'intersection': {
      const left = samplesOf(def.left as z.ZodType);
      const right = samplesOf(def.right as z.ZodType);
      return variants(Math.max(left.length, right.length), (i) => ({
        ...(at(left, i) as object),
        ...(at(right, i) as object),
      }));
    }
    default:
      return [];
  }
}
