import type { ErrorBody } from '../../contracts/common';

const BASE = '/api/v1';
const CSRF_COOKIE = 'steward_csrf';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

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

function currentCsrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfToken;
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
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
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

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON-encoded, unless it is FormData (sent as multipart/form-data). */
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
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

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
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

  if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
  /** One file as multipart/form-data, in the field the server reads. */
  upload: <T>(path: string, file: File, field = 'file') => {
    const form = new FormData();
    form.append(field, file);
    return request<T>('POST', path, { body: form });
  },
};

/** A cursor page, as every list endpoint answers. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

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
