import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import { sharedBusUrl } from './db/dialect';
import { registerModules } from './modules';
import { MAX_ATTACHMENT_BYTES } from './modules/attachments';
import { accessPlugin } from './platform/auth/access';
import { CSRF_HEADER } from './platform/auth/cookies';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './platform/error-handler';
import { AppError } from './platform/errors';
import { localBus, postgresBus } from './platform/live/bus';
import { type LogOutput, loggerOptions, RequestLog } from './platform/logging';
import { registerMetrics } from './platform/metrics';
import { openapiTransform, securityOf, securitySchemes } from './platform/openapi';
import { allowFraming, securityHeaders } from './platform/security-headers';
import { registerResponseSerializers } from './platform/serializers';
import { webAssetOptions } from './platform/web-assets';
import { closeWorkerPools } from './platform/worker-pool';

const builtWebApp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Serve the built web app from dist/web when it exists (default true). */
  serveWeb?: boolean;
  /** The built web app to serve (default dist/web). */
  webRoot?: string;
  /** Where log lines go (default stdout). */
  logOutput?: LogOutput;
}

/** Fastify's trust-proxy setting; a number of hops becomes the function its types ask for. */
function proxyTrust(trust: Config['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** Builds the Fastify app: plugins, then modules. Tests build it too. */
export async function buildApp({
  config,
  database,
  serveWeb = true,
  webRoot = builtWebApp,
  logOutput,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, logOutput),
    logController: new RequestLog(config.slowRequestMs),
    trustProxy: proxyTrust(config.trustProxy),
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Compiled once per route from its Zod schema; outside production Zod still checks every response.
  registerResponseSerializers(app, { checked: config.env !== 'production' });
  // The API speaks JSON only; anything else is refused with 415 rather than read as a string.
  app.removeContentTypeParser('text/plain');
  registerErrorHandler(app);
  registerMetrics(app, database.db);

  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 4096 } });
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 5 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError(
        'RATE_LIMITED',
        `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds`,
      ),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steward API',
        version: '1',
        description: `REST API of Steward. Authenticate with \`Authorization: Bearer <token>\` (API tokens) or the session cookie from POST /api/v1/auth/login; cookie-authenticated writes must send the ${CSRF_HEADER} header. Routes under /me and /portal take the session cookie only. Errors are { "error": { "code", "message", "details" } }.`,
      },
      components: { securitySchemes },
      security: securityOf('authenticated', 'POST'),
    },
    transform: openapiTransform,
  });
  // The docs page keeps the app's own content security policy. Swagger UI's static one lists style
  // hashes, which switch 'unsafe-inline' off, and its page then breaks it with inline styles.
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  await app.register(accessPlugin, { db: database.db, caches: config.caches });
  const busUrl = sharedBusUrl(config.database);
  const live = app.metrics.countAnnounced(
    busUrl ? await postgresBus(busUrl, app.log, database.schema) : localBus(),
  );
  app.addHook('onClose', () => live.close());
  app.addHook('onClose', () => closeWorkerPools());
  await registerModules(app, { db: database.db, config, live });

  const hasWeb = serveWeb && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, webAssetOptions(webRoot, config.env));
  app.setNotFoundHandler((request, reply) => {
    // A missing bundle (an old build's, or a source map) is a 404, not the app's page.
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/') &&
      hasWeb;
    if (wantsPage) {
      // The contact form is meant to be embedded in the company's own site.
      if (/^\/contact(\/|\?|$)/.test(request.url)) allowFraming(reply);
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
  return app;
}
