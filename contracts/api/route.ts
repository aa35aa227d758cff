import { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route as the server registers it: method, path in the server's style
 * (`/api/v1/users/:id`) and the same Zod schemas the server validates and serialises with.
 * The web client types its calls from these; test/contracts/route-table.test.ts checks that
 * they say what the server's OpenAPI document says.
 */
export interface Route {
  method: Method;
  path: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** A multipart upload: one file, in the field of this name. */
  file?: string;
  /** The success response (200, 201, 202 or 204). */
  response: z.ZodType;
}

/** An entry of the route table, its types kept exactly (literal method and path). */
export function route<const R extends Route>(entry: R): R {
  return entry;
}

/** The answer of a route that answers 204 No Content. */
export const noContent = z.null();

/** A file or a raw message answered as it is stored, not as JSON. */
export const rawFile = (description: string) => z.unknown().describe(description);
