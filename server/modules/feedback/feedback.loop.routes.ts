import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { feedbackLoopRoutes as table } from '../../../contracts/api/feedback-loop';
import type { Db } from '../../db/database';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import type { FollowUpsService } from './feedback.followups';
import { myScores } from './feedback.loop';
import type { ThemesService } from './feedback.themes';

const tags = ['feedback'];
const read = { access: 'feedback.read' } as const;
const manage = { access: 'feedback.manage' } as const;
const none = z.null();

/** Themes and their rules, tagging answers, an agent's own scores, and follow-ups. */
export const feedbackLoopRoutes: FastifyPluginAsyncZod<{
  db: Db;
  themes: ThemesService;
  followUps: FollowUpsService;
}> = async (app, { db, themes, followUps }) => {
  app.get(
    table.themes.path,
    {
      config: read,
      schema: {
        tags,
        summary: 'Feedback themes, with how many answers (survey and NPS) each tags',
        response: { 200: table.themes.response, ...protectedErrors },
      },
    },
    (req) => themes.themes(ctx(req)),
  );
  app.post(
    table.createTheme.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a theme',
        body: table.createTheme.body,
        response: { 201: table.createTheme.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await themes.createTheme(ctx(req), req.body)),
  );
  app.patch(
    table.updateTheme.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rename a theme',
        params: table.updateTheme.params,
        body: table.updateTheme.body,
        response: { 200: table.updateTheme.response, ...withConflict },
      },
    },
    (req) => themes.updateTheme(ctx(req), req.params.id, req.body),
  );
  app.delete(
    table.deleteTheme.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a theme, its rules and its tags',
        params: table.deleteTheme.params,
        response: { 204: none, ...withNotFound },
      },
    },
    async (req, reply) => {
      await themes.deleteTheme(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    table.rules.path,
    {
      config: read,
      schema: {
        tags,
        summary: 'Theme rules: words and phrases that tag answers',
        response: { 200: table.rules.response, ...protectedErrors },
      },
    },
    (req) => themes.rules(ctx(req)),
  );
  app.post(
    table.createRule.path,
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Add a theme rule (applies to answers recorded from now on; run the rules again for past ones)',
        body: table.createRule.body,
        response: { 201: table.createRule.response, ...withNotFound },
      },
    },
    async (req, reply) => reply.code(201).send(await themes.createRule(ctx(req), req.body)),
  );
  app.patch(
    table.updateRule.path,
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a theme rule's phrases, or switch it on or off",
        params: table.updateRule.params,
        body: table.updateRule.body,
        response: { 200: table.updateRule.response, ...withNotFound },
      },
    },
    (req) => themes.updateRule(ctx(req), req.params.id, req.body),
  );
  app.delete(
    table.deleteRule.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a theme rule (the tags it gave stay until the rules run again)',
        params: table.deleteRule.params,
        response: { 204: none, ...withNotFound },
      },
    },
    async (req, reply) => {
      await themes.deleteRule(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    table.runRules.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Run the active theme rules again over every past answer, survey and NPS',
        response: { 200: table.runRules.response, ...protectedErrors },
      },
    },
    (req) => themes.runRules(ctx(req)),
  );
  app.put(
    table.tagAnswer.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Tag an answer with a theme by hand',
        params: table.tagAnswer.params,
        response: { 200: table.tagAnswer.response, ...withNotFound },
      },
    },
    (req) => themes.tagAnswer(ctx(req), req.params.id, req.params.themeId),
  );
  app.delete(
    table.untagAnswer.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a theme from an answer',
        params: table.untagAnswer.params,
        response: { 200: table.untagAnswer.response, ...withNotFound },
      },
    },
    (req) => themes.untagAnswer(ctx(req), req.params.id, req.params.themeId),
  );
  app.get(
    table.myScores.path,
    {
      config: { access: 'feedback.own' },
      schema: {
        tags,
        summary:
          "The signed-in agent's own CSAT, CES and answers (30 days against the 30 before) and latest comments",
        response: { 200: table.myScores.response, ...protectedErrors },
      },
    },
    (req) => myScores(db, ctx(req)),
  );
  app.get(
    table.followUps.path,
    {
      config: { access: 'followups.read' },
      schema: {
        tags,
        summary:
          'Follow-ups of negative answers: open, overdue or closed, with the share closed within target',
        querystring: table.followUps.querystring,
        response: { 200: table.followUps.response, ...protectedErrors },
      },
    },
    (req) => followUps.list(ctx(req), req.query),
  );
  app.get(
    table.settings.path,
    {
      config: read,
      schema: {
        tags,
        summary: 'How long a follow-up has before it is overdue',
        response: { 200: table.settings.response, ...protectedErrors },
      },
    },
    (req) => followUps.settings(ctx(req)),
  );
  app.patch(
    table.updateSettings.path,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the follow-up due time (follow-ups already open keep theirs)',
        body: table.updateSettings.body,
        response: { 200: table.updateSettings.response, ...protectedErrors },
      },
    },
    (req) => followUps.updateSettings(ctx(req), req.body),
  );
  app.get(
    table.followUp.path,
    {
      config: { access: 'followups.read' },
      schema: {
        tags,
        summary: 'A follow-up with its answer and history',
        params: table.followUp.params,
        response: { 200: table.followUp.response, ...withNotFound },
      },
    },
    (req) => followUps.get(ctx(req), req.params.id),
  );
  app.patch(
    table.changeFollowUp.path,
    {
      config: { access: 'followups.write' },
      schema: {
        tags,
        summary: 'Move a follow-up on: contacted, resolved with an outcome, or open again',
        params: table.changeFollowUp.params,
        body: table.changeFollowUp.body,
        response: { 200: table.changeFollowUp.response, ...withConflict },
      },
    },
    (req) => followUps.change(ctx(req), req.params.id, req.body),
  );
  app.post(
    table.contactCustomer.path,
    {
      config: { access: 'followups.write' },
      schema: {
        tags,
        summary: 'Contact the customer: opens a new ticket for them, linked to the follow-up',
        params: table.contactCustomer.params,
        body: table.contactCustomer.body,
        response: { 201: table.contactCustomer.response, ...withNotFound },
      },
    },
    async (req, reply) => reply.code(201).send(await followUps.contact(ctx(req), req.params.id, req.body)),
  );
  app.get(
    table.ofTicket.path,
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: "Follow-ups about a ticket's answer, or that opened the ticket",
        params: table.ofTicket.params,
        response: { 200: table.ofTicket.response, ...withNotFound },
      },
    },
    (req) => followUps.ofTicket(ctx(req), req.params.id),
  );
};
