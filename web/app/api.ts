import type { z } from 'zod';
import type { Method, Route } from '../../contracts/api';
import type { ErrorBody } from '../../contracts/common';

const AUTH_PATHS = '/api/v1/auth/';
const CSRF_COOKIE = 'steward_csrf';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type QueryValue = string | number | boolean | null | undefined;

/** One field-level problem, as the server reports it in `details` of VALIDATION_FAILED. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field problems from `details`, whatever common shape the server used. */
  get fieldIssues(): FieldIssue[] {
    return toFieldIssues(this.details);
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A message fit to show a person, for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Whether this browser seems to hold a session (its readable CSRF cookie): a hint, never a check. */
export function mayBeSignedIn(): boolean {
  return readCookie(CSRF_COOKIE) !== null;
}

function currentCsrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfToken;
}

/** Aborted at sign-out: requests still in flight then would only come back 401. */
let sessionRequests = new AbortController();

/**
 * Ends the signed-in requests while a sign-out is under way: those in flight are aborted and new
 * ones (a poll that comes due) are not sent, until `resumeRequests`. Sign-in and sign-out pass.
 */
export function holdRequests(): void {
  sessionRequests.abort();
}

/** Lets requests go out again once the sign-out has settled. */
export function resumeRequests(): void {
  if (sessionRequests.signal.aborted) sessionRequests = new AbortController();
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Called when a signed-in call answers 401: the session ended. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner = value.error;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    'code' in inner &&
    typeof inner.code === 'string' &&
    'message' in inner &&
    typeof inner.message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON-encoded, unless it is FormData (sent as multipart/form-data). */
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const body =
    options.body === undefined
      ? undefined
      : options.body instanceof FormData
        ? options.body
        : JSON.stringify(options.body);
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method)) {
    const token = currentCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  const held = path.startsWith(AUTH_PATHS) ? undefined : sessionRequests.signal;
  if (held?.aborted) throw new DOMException('Signing out', 'AbortError');
  const signal = held && options.signal ? AbortSignal.any([held, options.signal]) : (held ?? options.signal);
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'Steward could not be reached. Check your connection and try again.',
    );
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const error = isErrorBody(payload)
    ? new ApiError(response.status, payload.error.code, payload.error.message, payload.error.details)
    : new ApiError(
        response.status,
        `HTTP_${response.status}`,
        `The server answered with an unexpected error (${response.status}). Please try again.`,
      );

  if (response.status === 401 && !path.startsWith(AUTH_PATHS)) onUnauthorized?.();
  throw error;
}

/** The names of a path's parameters: `id` and `messageId` of `/tickets/:id/messages/:messageId`. */
type PathKeys<P extends string> = P extends `${string}:${infer Key}/${infer Rest}`
  ? Key | PathKeys<`/${Rest}`>
  : P extends `${string}:${infer Key}`
    ? Key
    : never;

/** A field the server coerces from text (its input is unknown) takes what becomes that text. */
type Sent<T, Text> = unknown extends T ? Text : T;
type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

type PathParams<R extends Route> = {
  [K in PathKeys<R['path']>]: K extends keyof InputOf<R['params']>
    ? Sent<InputOf<R['params']>[K], string | number>
    : string | number;
};
type Query<S> = { [K in keyof InputOf<S>]?: Sent<InputOf<S>[K], QueryValue> | null };

/** What a call to a route sends: exactly the parts the route table gives it. */
export type CallOptions<R extends Route> = ([PathKeys<R['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<R> }) &
  (R extends { querystring: infer S } ? { query?: Query<S> } : { query?: undefined }) &
  (R extends { body: infer S } ? { body: InputOf<S> } : { body?: undefined }) &
  (R extends { file: string } ? { file: File } : { file?: undefined }) & { signal?: AbortSignal };

/** What a route takes as its body, for the forms and mutations that build one. */
export type BodyOf<R extends Route> = R extends { body: infer S } ? InputOf<S> : never;

/** What a route answers, as the server's response schema gives it. */
export type Answer<R extends Route> = z.output<R['response']>;

type CallArgs<R extends Route> =
  object extends CallOptions<R> ? [options?: CallOptions<R>] : [options: CallOptions<R>];

/** What any call may send, as the client reads it. */
interface SentOptions {
  params?: Partial<Record<string, string | number>>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  file?: File;
  signal?: AbortSignal;
}

/** The route's path with its parameters filled in, each encoded. */
function pathOf(route: Route, params: Partial<Record<string, string | number>> = {}): string {
  return route.path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${route.method} ${route.path}: no value for :${key}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Calls one route of the table in contracts/api: path parameters, query and body are typed
 * from the route's schemas, and so is the answer. Writes without a body send `{}`; a route
 * that takes a file sends it as multipart/form-data. CSRF header, 401 handling, errors and
 * abort signals are those of `request`.
 */
async function call<R extends Route>(route: R, ...options: CallArgs<R>): Promise<Answer<R>>;
async function call(route: Route, options: SentOptions = {}): Promise<unknown> {
  let body: unknown = options.body;
  if (route.file && options.file) {
    const form = new FormData();
    form.append(route.file, options.file);
    body = form;
  } else if (body === undefined && route.method !== 'GET' && route.method !== 'DELETE') {
    body = {};
  }
  const answer = await request(route.method, pathOf(route, options.params), {
    query: options.query,
    body,
    signal: options.signal,
  });
  // 204 No Content has no body: its schema (contracts/api `noContent`) says null.
  return answer ?? null;
}

/** The address of a route that answers a file, for a link or a download: its path parameters and query typed. */
function urlOf<R extends Route & { method: 'GET' }>(
  route: R,
  params: PathParams<R>,
  query?: R extends { querystring: infer S } ? Query<S> : undefined,
): string;
function urlOf(
  route: Route,
  params: Partial<Record<string, string | number>>,
  query?: Record<string, QueryValue>,
): string {
  return buildUrl(pathOf(route, params), query);
}

export const api = { call, urlOf };

/** "email" from ["body", "email"], "body.email" or "/email". */
function pathToString(path: unknown): string {
  const parts = Array.isArray(path)
    ? path.map(String)
    : typeof path === 'string'
      ? path.replace(/^\//, '').split(/[./]/)
      : [];
  if (parts.length > 1 && (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params'))
    parts.shift();
  return parts.join('.');
}

function toFieldIssues(details: unknown): FieldIssue[] {
  if (!details || typeof details !== 'object') return [];
  const issues: FieldIssue[] = [];
  if (Array.isArray(details)) {
    for (const item of details) {
      if (typeof item !== 'object' || item === null) continue;
      const path = 'path' in item ? pathToString(item.path) : 'field' in item ? pathToString(item.field) : '';
      const message = 'message' in item && typeof item.message === 'string' ? item.message : '';
      if (path && message) issues.push({ path, message });
    }
    return issues;
  }
  const source =
    'fieldErrors' in details && typeof details.fieldErrors === 'object' && details.fieldErrors !== null
      ? details.fieldErrors
      : details;
  for (const [path, value] of Object.entries(source)) {
    if (typeof value === 'string') issues.push({ path, message: value });
    else if (Array.isArray(value) && typeof value[0] === 'string') issues.push({ path, message: value[0] });
  }
  return issues;
}
