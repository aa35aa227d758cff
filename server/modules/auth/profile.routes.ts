import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { profileSchemas as s } from './auth.schemas';
import type { ProfileService } from './profile.service';

const tags = ['profile'];
const config = { access: 'profile.manage' } as const;

export const profileRoutes: FastifyPluginAsyncZod<{ profile: ProfileService }> = async (app, { profile }) => {
  app.patch(
    '/api/v1/me',
    {
      config,
      schema: {
        tags,
        summary: 'Update my name, timezone or languages',
        body: s.update.body,
        response: { 200: s.update.response, ...protectedErrors },
      },
    },
    (req) => profile.update(ctx(req), req.body),
  );

  app.put(
    '/api/v1/me/password',
    {
      config,
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: s.password.body,
        response: { 200: s.password.response, ...protectedErrors },
      },
    },
    async (req) => {
      await profile.changePassword(ctx(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/me/two-factor',
    {
      config,
      schema: {
        tags,
        summary: 'Start two-factor set-up: a new secret and QR code, confirmed by PUT',
        response: { 200: s.twoFactorSetup.response, ...withConflict },
      },
    },
    (req) => profile.startTwoFactor(ctx(req)),
  );

  app.put(
    '/api/v1/me/two-factor',
    {
      config,
      schema: {
        tags,
        summary: 'Turn two-factor on with a code from the app',
        body: s.twoFactorEnable.body,
        response: { 200: s.twoFactorEnable.response, ...withConflict },
      },
    },
    (req) => profile.enableTwoFactor(ctx(req), req.body.code),
  );

  app.delete(
    '/api/v1/me/two-factor',
    {
      config,
      schema: {
        tags,
        summary: 'Turn two-factor off (needs my password)',
        body: s.twoFactorDisable.body,
        response: { 200: s.twoFactorDisable.response, ...protectedErrors },
      },
    },
    (req) => profile.disableTwoFactor(ctx(req), req.body.password),
  );

  app.get(
    '/api/v1/me/sessions',
    {
      config,
      schema: {
        tags,
        summary: 'My active sessions',
        response: { 200: s.sessions.response, ...protectedErrors },
      },
    },
    async (req) => ({ data: await profile.sessions(ctx(req)) }),
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    {
      config,
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: s.revokeSession.params,
        response: { 200: s.revokeSession.response, ...withNotFound },
      },
    },
    async (req) => {
      await profile.revokeSession(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
};
