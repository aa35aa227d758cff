import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  channelSettingsSchema,
  ticketSettingsSchema,
  updateChannelSettingsBody,
  updateTicketSettingsBody,
} from '../../../contracts/settings';
import { ctx, protectedErrors } from '../../platform/http';
import type { ChannelSettingsService } from './channels.service';
import type { SettingsService } from './settings.service';

export const settingsRoutes: FastifyPluginAsyncZod<{
  settings: SettingsService;
  channels: ChannelSettingsService;
}> = async (app, { settings, channels }) => {
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
  app.get(
    '/api/v1/settings/channels',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['settings'],
        summary: 'Where new requests from the contact form and the portal go',
        description: "Each channel's team and category; mail goes by its mailbox's defaults.",
        response: { 200: channelSettingsSchema, ...protectedErrors },
      },
    },
    (req) => channels.get(ctx(req)),
  );
  app.patch(
    '/api/v1/settings/channels',
    {
      config: { access: 'channels.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Change where new requests from the contact form and the portal go (admins)',
        body: updateChannelSettingsBody,
        response: { 200: channelSettingsSchema, ...protectedErrors },
      },
    },
    (req) => channels.update(ctx(req), req.body),
  );
};
