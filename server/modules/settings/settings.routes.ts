import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ticketSettingsSchema, updateTicketSettingsBody } from '../../../contracts/settings';
import { ctx, protectedErrors } from '../../platform/http';
import type { SettingsService } from './settings.service';

export const settingsRoutes: FastifyPluginAsyncZod<{ settings: SettingsService }> = async (
  app,
  { settings },
) => {
  app.get(
    '/api/v1/settings/tickets',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['settings'],
        summary: 'Ticket settings',
        response: { 200: ticketSettingsSchema, ...protectedErrors },
      },
    },
    (req) => settings.tickets(ctx(req)),
  );
  app.patch(
    '/api/v1/settings/tickets',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Change ticket settings (admins)',
        body: updateTicketSettingsBody,
        response: { 200: ticketSettingsSchema, ...protectedErrors },
      },
    },
    (req) => settings.updateTickets(ctx(req), req.body),
  );
};
