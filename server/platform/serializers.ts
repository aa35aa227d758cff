import fastJson from 'fast-json-stringify';
import type { FastifyInstance, FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { prerenderedBytes } from './prerendered';

/**
 * Response bodies written by a serializer compiled once per route and status from the JSON Schema
 * the route's Zod schema emits (fast-json-stringify, Fastify's own), instead of running Zod on
 * every response (docs/adr/0015-compiled-response-serialisers.md).
 *
 * The compiled serializer writes the properties the schema names and drops the others, as Zod's
 * encoding does; it does not check the values. Where Zod's output cannot be written from a JSON
 * Schema (a codec or pipe turns the value into something else, a type JSON has no word for), that
 * route and status keep Zod's serializer. In `checked` mode (development and tests) every
 * response is still encoded by Zod first, and the compiled text must match Zod's byte for byte.
 */

type Encode = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;

/** What became of one route's response schema for one status. */
export interface CompiledResponse {
  method: string;
  url: string;
  status: string;
  schema: z.ZodType;
  /** Set when the route keeps Zod's serializer, saying why. */
  zodOnly?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every response schema compiled so far, for the tests that compare both serializers. */
    responseSerializers: readonly CompiledResponse[];
  }
}

/** Zod types whose output the JSON Schema does not describe (a codec or pipe changes the value on encoding). */
const NOT_COMPILABLE = new Set(['pipe', 'transform', 'custom', 'promise', 'function']);

class NotCompilable extends Error {}

/** Plain JSON Schema nodes of `value`, children before parents. */
function* schemaNodes(value: unknown): Generator<JsonSchema> {
  if (Array.isArray(value)) {
    for (const item of value) yield* schemaNodes(item);
  } else if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) yield* schemaNodes(child);
    yield value as JsonSchema;
  }
}

const isNullType = (node: unknown) =>
  node !== null &&
  typeof node === 'object' &&
  Object.keys(node).length === 1 &&
  (node as JsonSchema).type === 'null';

/**
 * Shapes the emitted schema for fast-json-stringify:
 * - `additionalProperties: false` goes: the compiled serializer drops undeclared keys anyway, and
 *   union branches are picked by validating against them, where an extra key in the data (which
 *   Zod strips) must not make a branch fail;
 * - `anyOf: [X, { type: 'null' }]` (Zod's `.nullable()`) becomes X with `nullable: true`, a null
 *   check in the compiled code instead of a validation per branch.
 */
function forFastJson(schema: JsonSchema): JsonSchema {
  const { $schema: _, ...root } = schema;
  for (const node of schemaNodes(root)) {
    if (node.additionalProperties === false) delete node.additionalProperties;
    const anyOf = node.anyOf;
    if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNullType)) {
      const other = anyOf.find((branch) => !isNullType(branch)) as JsonSchema | undefined;
      const simple =
        other &&
        !('anyOf' in other || 'oneOf' in other || 'allOf' in other || '$ref' in other || 'nullable' in other);
      if (other && simple) {
        delete node.anyOf;
        Object.assign(node, other, { nullable: true });
      }
    }
  }
  return root;
}

/** The JSON Schema of what Zod writes for `schema`, or NotCompilable. */
export function responseJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-07',
    unrepresentable: 'throw',
    cycles: 'throw',
    reused: 'inline',
    override: ({ zodSchema }) => {
      const type = zodSchema._zod.def.type;
      if (NOT_COMPILABLE.has(type)) throw new NotCompilable(`${type} in the schema`);
    },
  }) as JsonSchema;
  return forFastJson(json);
}

/** Zod's own serializer (fastify-type-provider-zod's, in fewer lines): encode, check, stringify. */
function zodEncoder(schema: z.ZodType, method: string, url: string): (data: unknown) => unknown {
  return (data) => {
    const result = z.safeEncode(schema, data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return result.data;
  };
}

/** Compiled once per schema: routes share schemas (every error response is `errorBody`). */
const compiledSchemas = new WeakMap<z.ZodType, Encode | string>();

/** The compiled serializer for `schema`, or the reason there is none. */
export function compileSchema(schema: z.ZodType): Encode | string {
  let compiled = compiledSchemas.get(schema);
  if (compiled === undefined) {
    try {
      compiled = fastJson(responseJsonSchema(schema)) as Encode;
    } catch (error) {
      compiled = error instanceof Error ? error.message : String(error);
    }
    compiledSchemas.set(schema, compiled);
  }
  return compiled;
}

/**
 * The serializer compiler for the app, and the list of what it compiled (decorated on the app as
 * `responseSerializers`). Pre-rendered bodies (prerendered.ts) pass through as their bytes.
 */
export function registerResponseSerializers(app: FastifyInstance, options: { checked: boolean }): void {
  const compiled: CompiledResponse[] = [];
  app.decorate('responseSerializers', compiled);
  const compiler: FastifySerializerCompiler<z.ZodType> = ({ schema, method, url, httpStatus }) => {
    const entry: CompiledResponse = { method, url, status: String(httpStatus ?? ''), schema };
    compiled.push(entry);
    const checkedEncode = zodEncoder(schema, method, url);
    const fast = compileSchema(schema);
    let encode: Encode;
    if (typeof fast === 'string') {
      entry.zodOnly = fast;
      encode = (data) => JSON.stringify(checkedEncode(data));
    } else if (options.checked) {
      encode = (data) => {
        const value = checkedEncode(data);
        const text = fast(value);
        const expected = JSON.stringify(value);
        if (text !== expected) {
          throw new Error(`The compiled serializer of ${method} ${url} (${httpStatus}) disagrees with Zod`);
        }
        return text;
      };
    } else {
      encode = fast;
    }
    // Fastify sends a Buffer that a serializer answers as it is, with the JSON content type already
    // set (the serializer's type admits strings only, hence the cast).
    return (data) => (prerenderedBytes(data) as unknown as string | undefined) ?? encode(data);
  };
  app.setSerializerCompiler(compiler);
}
