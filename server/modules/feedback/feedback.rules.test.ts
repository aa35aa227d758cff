import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  changeableUntil,
  defaultSurveySettings,
  isSurveyed,
  surveyDueAt,
} from './feedback.rules';

const ticket = { channel: 'email', type: 'question', teamId: 3, requesterEmail: 'ann@shop.example' };

describe('which solved tickets are surveyed', () => {
  it('every ticket with a requester address, while surveys are on and no filter is set', () => {
    expect(isSurveyed(defaultSurveySettings, ticket)).toBe(true);
    expect(isSurveyed(defaultSurveySettings, { ...ticket, requesterEmail: null })).toBe(false);
    expect(isSurveyed({ ...defaultSurveySettings, enabled: false }, ticket)).toBe(false);
  });

  it('each non-empty filter must hold: channel, type and team', () => {
    expect(isSurveyed({ ...defaultSurveySettings, channels: ['portal'] }, ticket)).toBe(false);
    expect(isSurveyed({ ...defaultSurveySettings, channels: ['email', 'portal'] }, ticket)).toBe(true);
    expect(isSurveyed({ ...defaultSurveySettings, types: ['complaint'] }, ticket)).toBe(false);
    expect(isSurveyed({ ...defaultSurveySettings, teamIds: [3] }, ticket)).toBe(true);
    expect(isSurveyed({ ...defaultSurveySettings, teamIds: [3] }, { ...ticket, teamId: null })).toBe(false);
  });

  it('goes out the configured minutes after solving', () => {
    const solved = Date.parse('2026-12-01T10:00:00Z');
    expect(surveyDueAt({ ...defaultSurveySettings, delayMinutes: 90 }, solved)).toBe(
      '2026-12-01T11:30:00.000Z',
    );
  });
});

describe('answers', () => {
  it('can change until the link expires or the change period after the first answer ends, whichever is first', () => {
    expect(changeableUntil(null, null, 7)).toBeNull();
    expect(changeableUntil('2026-12-30T00:00:00.000Z', null, 7)).toBe('2026-12-30T00:00:00.000Z');
    expect(changeableUntil('2026-12-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 7)).toBe(
      '2026-12-08T00:00:00.000Z',
    );
    expect(changeableUntil('2026-12-03T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 7)).toBe(
      '2026-12-03T00:00:00.000Z',
    );
  });

  it('must fit the survey: its scale, and effort only when asked', () => {
    expect(answerProblem({ scale: 'binary', askEffort: false }, { rating: 1, effort: null })).toBeNull();
    expect(answerProblem({ scale: 'binary', askEffort: false }, { rating: 3, effort: null })?.path).toBe(
      'rating',
    );
    expect(answerProblem({ scale: 'five', askEffort: true }, { rating: 0, effort: 4 })?.path).toBe('rating');
    expect(answerProblem({ scale: 'five', askEffort: false }, { rating: 5, effort: 4 })?.path).toBe('effort');
  });
});
