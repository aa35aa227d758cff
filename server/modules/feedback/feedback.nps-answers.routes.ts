import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { npsRoutes as table } from '../../../contracts/api/nps';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import type { NpsAnswersService } from './feedback.nps-answers';
import type { ThemesService } from './feedback.themes';

const tags = ['feedback'];

/** NPS answers in the feedback inbox, and tagging them with themes by hand. */
export const npsAnswersRoutes: FastifyPluginAsyncZod<{
  npsAnswers: NpsAnswersService;
  themes: ThemesService;
}> = async (app, { npsAnswers, themes }) => {
  app.get(
    table.answers.path,
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary:
          'The feedback inbox for NPS: campaign answers newest first, filtered, with NPS, the groups and the response rate',
        description:
          'Answers to NPS campaigns, newest answered first (keyset cursor), with the same filters as the survey inbox where they apply: score (0–10) or group (promoter 9–10, passive 7–8, detractor 0–6), campaign, organisation, customer, period answered, sentiment, theme, with a comment. An NPS answer is about the company, not a ticket: it has no agent, team, category or channel, so those filters are refused (400) rather than ignored. The summary counts the answers the filter keeps; its response rate is the share of the campaign mails sent in the period (to the campaign, organisation and customer filtered on) that were answered.',
        querystring: table.answers.querystring,
        response: { 200: table.answers.response, ...protectedErrors },
      },
    },
    (req) => npsAnswers.answers(ctx(req), req.query),
  );
  app.put(
    table.tagAnswer.path,
    {
      config: { access: 'feedback.manage' },
      schema: {
        tags,
        summary: 'Tag an NPS answer with a theme by hand',
        params: table.tagAnswer.params,
        response: { 200: table.tagAnswer.response, ...withNotFound },
      },
    },
    (req) => themes.tagNpsAnswer(ctx(req), req.params.id, req.params.themeId),
  );
  app.delete(
    table.untagAnswer.path,
    {
      config: { access: 'feedback.manage' },
      schema: {
        tags,
        summary: 'Remove a theme from an NPS answer',
        params: table.untagAnswer.params,
        response: { 200: table.untagAnswer.response, ...withNotFound },
      },
    },
    (req) => themes.untagNpsAnswer(ctx(req), req.params.id, req.params.themeId),
  );
};
