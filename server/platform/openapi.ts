import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { RouteAccess } from './auth/access';
import { CSRF_HEADER, SESSION_COOKIE } from './auth/cookies';

/**
 * What the OpenAPI document says beyond the Zod schemas, worked out once for every route:
 * who may call it (security), a stable operationId, the multipart body of uploads and a
 * description for every response.
 */

export const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (stw_…), created by an admin; bound to a role. No CSRF header needed.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by POST /api/v1/auth/login (or a portal sign-in link).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: "The session's CSRF token; required with the session cookie on POST, PUT, PATCH and DELETE.",
  },
} as const;

/** Policies that only a signed-in person may use: API tokens are refused. */
const sessionOnly = new Set<RouteAccess>(['profile.manage', 'portal.use']);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

type Security = Record<string, string[]>[];

export function securityOf(access: RouteAccess | undefined, method: string): Security {
  if (!access || access === 'public') return [];
  const session: Record<string, string[]> = SAFE.has(method) ? { session: [] } : { session: [], csrf: [] };
  return sessionOnly.has(access) ? [session] : [{ bearer: [] }, session];
}

const SESSION_ONLY_NOTE = 'Session only: needs a signed-in person; API tokens are refused with 403.';

const responseDescriptions: Record<string, string> = {
  200: 'Success',
  201: 'Created',
  202: 'Accepted: handled in the background',
  204: 'Done; no content',
  400: 'The request is not valid (VALIDATION_FAILED, INVALID_JSON, BAD_REQUEST, …); details name the fields',
  401: 'No session or token, or it has ended (UNAUTHENTICATED); wrong credentials at sign-in',
  403: 'The role may not do this (FORBIDDEN), or a cookie write without the CSRF header (CSRF_INVALID)',
  404: 'No such record',
  409: 'The change does not fit the current state: a value already taken, a stale version, …',
  413: 'The body or file is too large',
  415: 'The body or file type is not accepted',
  429: 'Too many requests (RATE_LIMITED); try again later',
  503: 'Unavailable: the database does not answer',
};

/** Names that read better than the derived ones (and keep them unique). */
const operationIds: Record<string, string> = {
  'POST /api/v1/auth/login': 'login',
  'POST /api/v1/auth/logout': 'logout',
  'GET /api/v1/auth/me': 'getSession',
  'GET /api/v1/search': 'search',
  'GET /api/v1/audit-log': 'listAuditLog',
  'GET /api/v1/audit-log/export': 'exportAuditLog',
  'GET /api/v1/settings/tickets': 'getTicketSettings',
  'PATCH /api/v1/settings/tickets': 'updateTicketSettings',
  'GET /api/v1/settings/channels': 'getChannelSettings',
  'PATCH /api/v1/settings/channels': 'updateChannelSettings',
  'GET /api/v1/settings/mail': 'getMailSettings',
  'PATCH /api/v1/settings/mail': 'updateMailSettings',
  'GET /api/v1/inbound-mail': 'listInboundMail',
  'POST /api/v1/inbound-mail/:id/retry': 'retryInboundMail',
  'POST /api/v1/mail-templates/:key/preview': 'previewMailTemplate',
  'POST /api/v1/public/contact': 'submitContactForm',
  'GET /healthz': 'getHealth',
  'GET /readyz': 'getReadiness',
};

const pascal = (word: string) =>
  word
    .split(/[-_.]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

function singular(noun: string): string {
  if (noun.endsWith('ies')) return `${noun.slice(0, -3)}y`;
  if (/(x|ch|sh|ss)es$/.test(noun)) return noun.slice(0, -2);
  if (noun.endsWith('s') && !noun.endsWith('ss')) return noun.slice(0, -1);
  return noun;
}

const isParam = (part: string | undefined) => part?.startsWith(':') ?? false;

/**
 * A stable, readable operationId from method and path: listTickets, createTicket, getTicket,
 * updateTicket, deleteView, setTicketEscalation, listTicketMessages…
 */
export function operationIdOf(method: string, url: string): string {
  const named = operationIds[`${method} ${url}`];
  if (named) return named;
  const parts = url
    .replace(/^\/api\/v1\//, '/')
    .split('/')
    .filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const onItem = isParam(last);
  const nouns = parts.flatMap((part, i) => {
    if (isParam(part)) return [];
    const isLast = i === parts.length - 1;
    const one = isParam(parts[i + 1]) || (isLast && method === 'POST');
    return [pascal(one ? singular(part) : part)];
  });
  const lastIsPlural = !onItem && last.endsWith('s') && !last.endsWith('ss');
  const verb =
    method === 'GET'
      ? onItem || !lastIsPlural
        ? 'get'
        : 'list'
      : ({ POST: 'create', PUT: 'set', PATCH: 'update', DELETE: 'delete' }[method] ?? method.toLowerCase());
  return `${verb}${nouns.join('')}`;
}

const multipartFile = {
  type: 'object',
  properties: {
    file: { type: 'string', format: 'binary', description: 'The file; one per request' },
  },
  required: ['file'],
} as const;

type JsonObject = Record<string, unknown>;

function describeResponses(response: unknown): unknown {
  if (!response || typeof response !== 'object') return response;
  return Object.fromEntries(
    Object.entries(response as Record<string, JsonObject>).map(([status, schema]) => [
      status,
      schema.description ? schema : { ...schema, description: responseDescriptions[status] ?? 'Error' },
    ]),
  );
}

/** The swagger transform: Zod to JSON Schema, then the document facts above. */
export const openapiTransform: SwaggerTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const { route } = input;
  const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
  const access = route.config?.access;
  const doc: JsonObject = { ...schema };
  doc.operationId ??= operationIdOf(method, route.url);
  doc.security = securityOf(access, method);
  if (access && sessionOnly.has(access)) {
    doc.description = [doc.description, SESSION_ONLY_NOTE].filter(Boolean).join('\n\n');
  }
  const consumes = doc.consumes as string[] | undefined;
  if (consumes?.includes('multipart/form-data') && !doc.body) doc.body = multipartFile;
  doc.response = describeResponses(doc.response);
  return { schema: doc, url };
};
