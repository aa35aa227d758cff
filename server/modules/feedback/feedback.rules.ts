import type { CsatScale, SurveySettings } from '../../../contracts/feedback';

const DAY = 86_400_000;

/** How surveys work until a manager changes them: on, good/bad, effort asked, an hour after solving. */
export const defaultSurveySettings: SurveySettings = {
  enabled: true,
  scale: 'five',
  askEffort: true,
  delayMinutes: 60,
  channels: [],
  types: [],
  teamIds: [],
  changeDays: 7,
  linkDays: 30,
  updatedAt: null,
};

/** What decides whether a solved ticket is surveyed. */
export interface SolvedTicket {
  channel: string;
  type: string;
  teamId: number | null;
  requesterEmail: string | null;
}

/** Whether the settings survey this ticket: on, to a requester with an address, and within each non-empty filter. */
export function isSurveyed(settings: SurveySettings, ticket: SolvedTicket): boolean {
  if (!settings.enabled || !ticket.requesterEmail) return false;
  if (settings.channels.length > 0 && !(settings.channels as string[]).includes(ticket.channel)) return false;
  if (settings.types.length > 0 && !(settings.types as string[]).includes(ticket.type)) return false;
  if (settings.teamIds.length > 0 && (ticket.teamId === null || !settings.teamIds.includes(ticket.teamId)))
    return false;
  return true;
}

/** When a survey for a ticket solved at `solvedAt` goes out. */
export const surveyDueAt = (settings: SurveySettings, solvedAt: number) =>
  new Date(solvedAt + settings.delayMinutes * 60_000).toISOString();

/** When a link sent at `sentAt` stops working. */
export const linkExpiresAt = (settings: SurveySettings, sentAt: number) =>
  new Date(sentAt + settings.linkDays * DAY).toISOString();

/**
 * Until when the customer may still answer or change an answer: the link's expiry, and once
 * answered, `changeDays` after the first answer if that comes sooner.
 */
export function changeableUntil(
  expiresAt: string | null,
  firstAnsweredAt: string | null,
  changeDays: number,
): string | null {
  const limits = [
    expiresAt,
    firstAnsweredAt && new Date(Date.parse(firstAnsweredAt) + changeDays * DAY).toISOString(),
  ].filter((v): v is string => typeof v === 'string');
  return limits.length === 0 ? null : limits.sort()[0]!;
}

/** Why an answer does not fit the survey it answers, or null when it fits. */
export function answerProblem(
  survey: { scale: CsatScale; askEffort: boolean },
  answer: { rating: number; effort: number | null },
): { path: string; message: string } | null {
  if (survey.scale === 'binary' && answer.rating > 1)
    return { path: 'rating', message: 'This survey is answered good (1) or bad (0)' };
  if (survey.scale === 'five' && answer.rating < 1)
    return { path: 'rating', message: 'This survey is answered from 1 to 5' };
  if (!survey.askEffort && answer.effort !== null)
    return { path: 'effort', message: 'This survey does not ask about effort' };
  return null;
}
