import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isUnstorableText } from '../db/errors';
import { AppError, type ErrorCode } from './errors';

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
};

const byStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function summarise(issues: Issue[], where: string): string {
  const first = issues[0];
  if (!first) return 'The request is not valid';
  const path = first.path.length > 0 ? first.path.join('.') : where;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${path}: ${first.message}${more}`;
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
    if (known) {
      const status = known.code === 'INVALID_JSON' ? 400 : (error.statusCode ?? 400);
      return reply.status(status).send({ error: { code: known.code, message: known.message } });
    }
    const status = error.statusCode ?? 500;
    if (status < 500 && byStatus[status]) {
      return reply.status(status).send({ error: { code: byStatus[status], message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
  });
}
