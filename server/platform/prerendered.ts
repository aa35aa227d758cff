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

/** The bytes of a pre-rendered body, or undefined for any other value. */
export function prerenderedBytes(data: unknown): Buffer | undefined {
  return data instanceof PrerenderedJson ? data.body : undefined;
}
