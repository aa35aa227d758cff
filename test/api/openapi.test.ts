import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, expect, it } from 'vitest';
import { type Auth, describeApi } from '../helpers/app';

/**
 * The OpenAPI document is valid and tells the truth for every operation: a unique operationId,
 * real response descriptions, security that matches what the route accepts, email fields as
 * emails, and uploads as multipart bodies.
 */
type Doc = OpenAPIV3_1.Document;
type Operation = OpenAPIV3_1.OperationObject;
type Schema = OpenAPIV3_1.SchemaObject;
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(doc: Doc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const op = item?.[method];
      return op ? [{ method: method.toUpperCase(), path, op }] : [];
    }),
  );
}

/** Every property of a schema, at any depth, with its name. */
function properties(schema: unknown, name = ''): { name: string; schema: Schema }[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema & Record<string, unknown>;
  const own = name ? [{ name, schema: s }] : [];
  const nested = [
    ...Object.entries(s.properties ?? {}).flatMap(([key, value]) => properties(value, key)),
    ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) =>
      ((s[k] as unknown[]) ?? []).flatMap((v) => properties(v, name)),
    ),
    ...('items' in s ? properties(s.items, name) : []),
  ];
  return [...own, ...nested];
}

/** A URL that reaches the route: path parameters filled with a number or a template key. */
const urlOf = (path: string) =>
  path
    .replace('{key}', 'ticket_received')
    .replace(/\{id\}/, '999999')
    .replace(/\{\w+\}/g, '1');

describeApi('OpenAPI document', (t) => {
  let doc: Doc;
  beforeAll(async () => {
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
  });

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('gives every operation a unique operationId and described responses', () => {
    const ids = operations(doc).map(({ method, path, op }) => {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const description = (response as OpenAPIV3_1.ResponseObject).description;
        expect(description, `${method} ${path} ${status}`).not.toBe('Default Response');
        expect(description.length, `${method} ${path} ${status}`).toBeGreaterThan(3);
      }
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['listTickets', 'createTicket', 'getTicket', 'updateTicket']));
  });

  it('declares the bearer token, the session cookie and its CSRF header', () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'steward_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
  });

  it('says which operations are public, and that is what they do', async () => {
    const token: Auth = await t.tokenFor('admin');
    const publicOps: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      const label = `${method} ${path}`;
      expect(op.security, label).toBeDefined();
      const payload = method === 'GET' || method === 'DELETE' ? undefined : {};
      const anonymous = await t.app.inject({ method: method as 'GET', url: urlOf(path), payload });
      if (op.security?.length === 0) {
        publicOps.push(label);
        expect(anonymous.statusCode, label).not.toBe(401);
        continue;
      }
      expect(anonymous.statusCode, label).toBe(401);
      const schemes = op.security?.flatMap((s) => Object.keys(s)) ?? [];
      expect(schemes, label).toContain('session');
      if (method !== 'GET') expect(op.security, label).toContainEqual({ session: [], csrf: [] });
      if (schemes.includes('bearer')) continue;
      // Session only: the document says so, and a token is refused.
      expect(op.description, label).toMatch(/API tokens are refused/);
      const withToken = await t.request(token, { method: method as 'GET', url: urlOf(path), payload });
      expect(withToken.statusCode, label).toBe(403);
    }
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'POST /api/v1/portal/magic-links',
        'POST /api/v1/public/contact',
        'GET /healthz',
      ]),
    );
    const sessionOnly = operations(doc).filter(({ path }) =>
      /^\/api\/v1\/(me|portal\/tickets)(\/|$)/.test(path),
    );
    for (const { method, path, op } of sessionOnly) {
      expect(op.security, `${method} ${path}`).not.toContainEqual({ bearer: [] });
    }
  });

  it('documents email fields as emails of at most 254 characters', () => {
    let seen = 0;
    for (const { method, path, op } of operations(doc)) {
      const body = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.[
        'application/json'
      ]?.schema;
      const query = (op.parameters ?? []).map((p) => p as OpenAPIV3_1.ParameterObject);
      const fields = [
        ...properties(body),
        ...query.map((p) => ({ name: p.name, schema: p.schema as Schema })),
      ];
      for (const { name, schema } of fields) {
        if (!/^(email|address)$|Email$/.test(name) || schema.type !== 'string') continue;
        seen += 1;
        expect(schema.format, `${method} ${path} ${name}`).toBe('email');
        expect(schema.maxLength, `${method} ${path} ${name}`).toBeLessThanOrEqual(254);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(8);
  });

  it('documents uploads as multipart bodies with a binary file', () => {
    const uploads = operations(doc).filter(
      ({ path, method }) => method === 'POST' && path.endsWith('/attachments'),
    );
    expect(uploads.length).toBeGreaterThanOrEqual(2);
    for (const { path, op } of uploads) {
      const body = op.requestBody as OpenAPIV3_1.RequestBodyObject;
      const schema = body.content['multipart/form-data']?.schema as Schema;
      expect(schema?.properties?.file, path).toMatchObject({ type: 'string', format: 'binary' });
      expect(schema.required, path).toContain('file');
    }
  });
});
