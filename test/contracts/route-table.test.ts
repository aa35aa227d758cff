import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, expect, it } from 'vitest';
import { allRoutes, type Route } from '../../contracts/api';
import { openapiTransform } from '../../server/platform/openapi';
import { describeApi } from '../helpers/app';

/**
 * The route table in contracts/api, from which the web client types its calls, says what the
 * server says: the same routes, and for each the same parameters, query, body and success
 * answer, as the server's OpenAPI document states them.
 */
type Doc = OpenAPIV3_1.Document;
type Operation = OpenAPIV3_1.OperationObject;
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
/** `/api/v1/users/:id` as OpenAPI writes it: `/api/v1/users/{id}`. */
const openapiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function apiOperations(doc: Doc): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of methods) {
      const op = item?.[method];
      if (op) found.set(keyOf(method, path), op);
    }
  }
  return found;
}

const successStatus = (op: Operation) => Object.keys(op.responses ?? {}).filter((s) => s.startsWith('2'));

/** What the document says of a route's input and success answer, the parts the table states. */
function contractOf(op: Operation) {
  const [status] = successStatus(op);
  const response = op.responses?.[status ?? ''] as OpenAPIV3_1.ResponseObject | undefined;
  return { parameters: op.parameters, requestBody: op.requestBody, status, response: response?.content };
}

/**
 * The OpenAPI document of the table itself: each entry registered on a bare app with the
 * server's own transform, answering with the status the server answers with.
 */
async function documentOfTable(entries: Route[], statusOf: (entry: Route) => string): Promise<Doc> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 'route table', version: '1' } },
    transform: openapiTransform,
  });
  for (const entry of entries) {
    app.route({
      method: entry.method,
      url: entry.path,
      schema: {
        ...(entry.params ? { params: entry.params } : {}),
        ...(entry.querystring ? { querystring: entry.querystring } : {}),
        ...(entry.body ? { body: entry.body } : {}),
        ...(entry.file ? { consumes: ['multipart/form-data'] } : {}),
        response: { [statusOf(entry)]: entry.response },
      },
      handler: () => null,
    });
  }
  await app.ready();
  const doc = app.swagger() as Doc;
  await app.close();
  return doc;
}

describeApi('The route table', (t) => {
  let server: Map<string, Operation>;
  let table: Map<string, Operation>;
  const entries = allRoutes();

  beforeAll(async () => {
    server = apiOperations(t.app.swagger() as Doc);
    const statusOf = (entry: Route) => {
      const op = server.get(keyOf(entry.method, openapiPath(entry.path)));
      return (op && successStatus(op)[0]) ?? '200';
    };
    table = apiOperations(await documentOfTable(entries, statusOf));
  });

  it('lists every /api/v1 route the server registers, once, and no other', () => {
    const keys = entries.map((entry) => keyOf(entry.method, openapiPath(entry.path)));
    expect(new Set(keys).size, 'an entry is listed twice').toBe(keys.length);
    expect([...keys].sort()).toEqual([...server.keys()].sort());
  });

  it('gives every server route exactly one success answer', () => {
    for (const [key, op] of server) expect(successStatus(op), key).toHaveLength(1);
  });

  it('states the same parameters, query, body and success answer as the server', () => {
    for (const [key, op] of server) {
      const entry = table.get(key);
      expect(entry, key).toBeDefined();
      if (entry) expect(contractOf(entry), key).toEqual(contractOf(op));
    }
  });

  it('uses the path parameters its path names', () => {
    for (const entry of entries) {
      const named = [...entry.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const declared = entry.params
        ? Object.keys((entry.params.toJSONSchema().properties ?? {}) as object)
        : [];
      expect(declared.sort(), keyOf(entry.method, entry.path)).toEqual(named.sort());
    }
  });
});
