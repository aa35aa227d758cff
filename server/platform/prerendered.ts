import { serializerCompiler } from 'fastify-type-provider-zod';

/** A response body already written as JSON text, by code that checked it against the route's schema. */
class PrerenderedJson {
  constructor(readonly text: string) {}
}

/**
 * Hands JSON text to the reply as if it were the value `T` the route's schema describes. Only
 * for text built from values that went through that schema (see tickets.cache.ts): the
 * serializer sends it as it is instead of checking and encoding it again.
 */
export function prerendered<T>(text: string): T {
  return new PrerenderedJson(text) as unknown as T;
}

/** The Zod serializer, passing pre-rendered bodies through untouched. */
export const serializerWithPrerendered: typeof serializerCompiler = (route) => {
  const encode = serializerCompiler(route);
  return (data) => (data instanceof PrerenderedJson ? data.text : encode(data));
};
