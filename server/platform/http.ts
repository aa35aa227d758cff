import type { FastifyRequest } from 'fastify';
import { errorBody } from '../../contracts/common';
import type { RequestContext } from './auth/actor';
import { AppError } from './errors';

/** The service context of an authenticated request. */
export function ctx(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token to use this route');
  return { actor: request.actor, ip: request.ip ?? null };
}

/** The error responses a protected route can give, for the OpenAPI document. */
export const protectedErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
} as const;

export const withNotFound = { ...protectedErrors, 404: errorBody } as const;
export const withConflict = { ...withNotFound, 409: errorBody } as const;
