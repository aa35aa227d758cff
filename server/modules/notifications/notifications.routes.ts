import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, protectedErrors } from '../../platform/http';
import { notificationsSchemas as s } from './notifications.schemas';
import type { NotificationsService } from './notifications.service';

const tags = ['profile'];
const config = { access: 'profile.manage' } as const;

/** The bell: a user's own notifications, under /me. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/api/v1/me/notifications',
    {
      config,
      schema: {
        tags,
        summary: 'My latest notifications (mentions) and the unread count',
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => notifications.list(ctx(req)),
  );

  app.patch(
    '/api/v1/me/notifications',
    {
      config,
      schema: {
        tags,
        summary: 'Mark notifications read (all, or the given ids)',
        body: s.markRead.body,
        response: { 200: s.markRead.response, ...protectedErrors },
      },
    },
    async (req) => {
      await notifications.markRead(ctx(req), req.body.ids);
      return { ok: true as const };
    },
  );
};
