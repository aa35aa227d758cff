import { serializerCompiler } from 'fastify-type-provider-zod';

/** A response body already written as JSON, by code that checked it against the route's schema. */
class PrerenderedJson {
  constructor(readonly body: Buffer) {}
}

/**
 * Hands JSON bytes to the reply as if they were the value `T` the route's schema describes. Only
 * for bytes built from values that went through that schema (see tickets.cache.ts): the
 * serializer sends them as they are instead of checking and encoding them again.
 */
export function prerendered<T>(body: Buffer): T {
  return new PrerenderedJson(body) as unknown as T;
}

/**
 * The Zod serializer, passing pre-rendered bodies through untouched. Fastify sends a Buffer that a
 * serializer answers as it is, with the JSON content type already set: no string to flatten,
 * measure and encode again (the serializer's type admits strings only, hence the cast).
 */
export const serializerWithPrerendered: typeof serializerCompiler = (route) => {
  const encode = serializerCompiler(route);
  return (data) => (data instanceof PrerenderedJson ? (data.body as unknown as string) : encode(data));
};
