import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/common';
import { attachmentSchema } from '../../../contracts/tickets';
import { AppError } from '../../platform/errors';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import type { AttachmentsService, Upload } from './attachments.service';

const tags = ['attachments'];

/** The one file of a multipart upload, in the field "file". */
async function multipartFile(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data in a field named "file"',
    );
  const file = await req.file();
  if (!file)
    throw new AppError('VALIDATION_FAILED', 'No file in the request', [
      { path: ['file'], message: 'Required' },
    ]);
  return { filename: file.filename, mimetype: file.mimetype, file: file.file };
}

export const attachmentsRoutes: FastifyPluginAsyncZod<{ attachments: AttachmentsService }> = async (
  app,
  { attachments },
) => {
  app.post(
    '/api/v1/tickets/:id/attachments',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Upload one file (multipart field "file") to attach to a reply or note',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema, ...withNotFound, 413: errorBody, 415: errorBody },
      },
    },
    async (req, reply) => {
      const saved = await attachments.upload(ctx(req), req.params.id, await multipartFile(req));
      return reply.code(201).send(saved);
    },
  );

  app.post(
    '/api/v1/portal/tickets/:id/attachments',
    {
      config: { access: 'portal.use' },
      schema: {
        tags: ['portal'],
        summary: 'Upload one file (multipart field "file") to one of my requests, to send with my next reply',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema, ...withNotFound, 413: errorBody, 415: errorBody },
      },
    },
    async (req, reply) => {
      const saved = await attachments.uploadForCustomer(ctx(req), req.params.id, await multipartFile(req));
      return reply.code(201).send(saved);
    },
  );

  app.post(
    '/api/v1/portal/attachments',
    {
      config: { access: 'portal.use' },
      schema: {
        tags: ['portal'],
        summary:
          'Upload one file (multipart field "file") for a request I am still writing, to send with it (429 past 30 unsent files a day)',
        consumes: ['multipart/form-data'],
        response: {
          201: attachmentSchema,
          ...protectedErrors,
          413: errorBody,
          415: errorBody,
          429: errorBody,
        },
      },
    },
    async (req, reply) => {
      const file = await multipartFile(req);
      const saved = await attachments.uploadForNewRequest(ctx(req), file);
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Download a file (only for people who may see its ticket)',
        params: idParam,
        response: { 200: z.unknown().describe('The file'), ...withNotFound },
      },
    },
    async (req, reply) => {
      const file = await attachments.open(ctx(req), req.params.id);
      const disposition = `${file.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', disposition)
        .header('cache-control', 'private, max-age=3600')
        .send(file.stream);
    },
  );
};
