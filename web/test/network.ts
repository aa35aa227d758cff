import { vi } from 'vitest';

/** One call the page made, as the stub saw it: path without `/api/v1`, and the decoded body. */
export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

export interface StubResponse {
  status: number;
  body?: unknown;
}

/**
 * What a route answers: a JSON body (200), a `reply(…)`, or a function of the `StubRequest`
 * returning either (or a promise of one).
 */
export type StubAnswer = unknown;

const RESPONSE = Symbol('stub response');

/** A response with a status, for errors and empty answers. */
export function reply(status: number, body?: unknown): StubResponse {
  return Object.assign({ status, body }, { [RESPONSE]: true });
}

/** The server's error contract: `{ error: { code, message, details } }`. */
export function replyError(status: number, code: string, message: string, details?: unknown): StubResponse {
  return reply(status, { error: { code, message, details } });
}

function isStubResponse(value: unknown): value is StubResponse {
  return typeof value === 'object' && value !== null && RESPONSE in value;
}

/** An answer that waits until `resolve` is called, to look at a page while a call is in flight. */
export function deferred(): { answer: () => Promise<StubAnswer>; resolve: (answer: StubAnswer) => void } {
  let resolve: (answer: StubAnswer) => void = () => undefined;
  const promise = new Promise<StubAnswer>((done) => {
    resolve = done;
  });
  return { answer: () => promise, resolve };
}

async function decodeBody(body: BodyInit | null | undefined): Promise<unknown> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body);
    } catch {
      return body;
    }
  }
  return body;
}

/**
 * Replaces `fetch` with a map of `"METHOD /path"` → answer, so the real api client and
 * react-query code run. Query strings are not part of the key; handlers read `request.query`.
 * A call to a route not in the map answers 404 NOT_STUBBED and is listed in `unhandled`.
 */
export function stubNetwork(routes: Record<string, StubAnswer> = {}) {
  const table = new Map<string, StubAnswer>(Object.entries(routes));
  const calls: StubRequest[] = [];
  const unhandled: string[] = [];

  const fetchStub = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const request: StubRequest = {
      method,
      path,
      query: url.searchParams,
      body: await decodeBody(init.body),
      headers: new Headers(init.headers),
    };
    calls.push(request);
    const key = `${method} ${path}`;
    if (!table.has(key)) {
      unhandled.push(key);
      return json(replyError(404, 'NOT_STUBBED', `No stub for ${key}`));
    }
    let answer: unknown = table.get(key);
    while (typeof answer === 'function') answer = await answer(request);
    return json(isStubResponse(answer) ? answer : { status: 200, body: answer });
  };

  vi.stubGlobal('fetch', vi.fn(fetchStub));

  return {
    calls,
    unhandled,
    /** Adds or replaces a route's answer. */
    on(key: string, answer: StubAnswer): void {
      table.set(key, answer);
    },
    /** The calls made to one route, oldest first. */
    callsTo(key: string): StubRequest[] {
      return calls.filter((c) => `${c.method} ${c.path}` === key);
    },
  };
}

export type NetworkStub = ReturnType<typeof stubNetwork>;

function json({ status, body }: StubResponse): Response {
  return new Response(body === undefined || status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
