import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isUnstorableText } from '../db/errors';
import { AppError, type ErrorCode, errorCodes } from './errors';

interface Issue {
  path: (string | number)[];
  message: string;
}

const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'INVALID_JSON',
    message: 'The request says it has a JSON body but it is empty; send {} or drop the Content-Type header',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    message: 'The Content-Length header does not match the body',
  },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: 'A part of the URL path is too long' },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST', message: 'The URL is not valid (check its percent-encoding)' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the file as multipart/form-data',
  },
};

const byStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  408: 'REQUEST_TIMEOUT',
  414: 'URI_TOO_LONG',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

function summarise(issues: Issue[], where: string): string {
  const first = issues[0];
  if (!first) return 'The request is not valid';
  const path = first.path.length > 0 ? first.path.join('.') : where;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${path}: ${first.message}${more}`;
}

function sendKnown(reply: FastifyReply, known: { code: ErrorCode; message: string }) {
  return reply.status(errorCodes[known.code]).send({ error: { code: known.code, message: known.message } });
}

/** One error shape for every failure: { error: { code, message, details } }. Internals never leak. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const issues: Issue[] = error.validation.map((v) => ({
        path: [where, ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])],
        message: v.message ?? 'Invalid value',
      }));
      return reply
        .status(400)
        .send({ error: { code: 'VALIDATION_FAILED', message: summarise(issues, where), details: issues } });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply
        .status(500)
        .send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
    }
    if (isUnstorableText(error)) {
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request contains characters that cannot be stored',
        },
      });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendKnown(reply, known);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Any other refusal from Fastify or a plugin keeps its status and gets our shape.
      return reply
        .status(status)
        .send({ error: { code: byStatus[status] ?? 'BAD_REQUEST', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
  });
}

/** Errors of the router before any route runs (a URL that cannot be decoded): same shape. */
export function frameworkErrors(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) {
    sendKnown(reply, known);
    return;
  }
  reply.status(400).send({ error: { code: 'BAD_REQUEST', message: 'The request could not be read' } });
}

const clientErrors: Record<string, { code: ErrorCode; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    code: 'HEADERS_TOO_LARGE',
    message: 'The request line and headers are too large (a very long URL or cookie?)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive' },
};

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers over the size
 * limit, malformed HTTP, timeouts). They get the same error shape, then the connection closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { code, message } = clientErrors[error.code ?? ''] ?? {
    code: 'BAD_REQUEST' as const,
    message: 'The request is not valid HTTP',
  };
  const status = errorCodes[code];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
