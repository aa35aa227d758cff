import { describe, expect, it } from 'vitest';
import { SENTIMENT_THRESHOLD, sentimentLabelOf } from '../../../contracts/feedback';
import { isNegativeRating } from '../../../contracts/feedback-loop';
import { scoreSentiment } from './feedback.sentiment';
import { compileThemeRules, matchThemes, normalisePhrase, wordsOf } from './feedback.themes.rules';

describe('sentiment', () => {
  it('labels by the comparative score with the documented thresholds', () => {
    expect(sentimentLabelOf(-SENTIMENT_THRESHOLD)).toBe('negative');
    expect(sentimentLabelOf(-0.049)).toBe('neutral');
    expect(sentimentLabelOf(0)).toBe('neutral');
    expect(sentimentLabelOf(0.049)).toBe('neutral');
    expect(sentimentLabelOf(SENTIMENT_THRESHOLD)).toBe('positive');
  });

  it('scores comments with AFINN', () => {
    expect(scoreSentiment('Great help, thank you so much!').label).toBe('positive');
    expect(scoreSentiment('Terrible, rude and useless support.').label).toBe('negative');
    expect(scoreSentiment('The ticket number is 42.')).toEqual({
      score: 0,
      comparative: 0,
      label: 'neutral',
    });
    expect(scoreSentiment('   ')).toEqual({ score: 0, comparative: 0, label: 'neutral' });
  });

  it('reads a bounded prefix of a hostile comment quickly', () => {
    const hostile = `${'awful '.repeat(200_000)}${'('.repeat(100_000)}`;
    const started = performance.now();
    const result = scoreSentiment(hostile);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.label).toBe('negative');
  });
});

describe('theme rules', () => {
  const rules = compileThemeRules([
    { themeId: 1, phrases: ['slow', 'took ages', 'Waited  Too LONG'] },
    { themeId: 2, phrases: ['refund', 'double charged'] },
    { themeId: 3, phrases: ['rude'] },
  ]);

  it('matches whole words and phrases, ignoring case and punctuation', () => {
    expect(matchThemes('It TOOK ages... and I was double-charged!', rules)).toEqual([1, 2]);
    expect(matchThemes('I waited too long for my REFUND.', rules)).toEqual([1, 2]);
    expect(matchThemes('Slowly but surely; no refunds', rules)).toEqual([]);
    expect(matchThemes('rude', rules)).toEqual([3]);
    expect(matchThemes('', rules)).toEqual([]);
  });

  it('treats phrases as words, never as patterns', () => {
    const tricky = compileThemeRules([{ themeId: 9, phrases: ['.*', '(a+)+$', "don't"] }]);
    expect(tricky.byPhrase.has('.*')).toBe(false);
    expect(matchThemes('anything at all', tricky)).toEqual([]);
    expect(matchThemes("I don't like it", tricky)).toEqual([9]);
    expect(normalisePhrase('  Took   AGES! ')).toBe('took ages');
  });

  it('reads hostile long input in linear time', () => {
    const many = compileThemeRules([{ themeId: 1, phrases: ['a a a a b', 'a a a b', 'a a b', 'a b'] }]);
    const hostile = 'a '.repeat(500_000);
    const started = performance.now();
    expect(matchThemes(hostile, many)).toEqual([]);
    expect(wordsOf(hostile).length).toBe(2000);
    expect(matchThemes(`${'x'.repeat(1_000_000)} a b`, many)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('negative ratings', () => {
  it('are bad on the two-point scale and 1–2 on the five-point one', () => {
    expect(isNegativeRating('binary', 0)).toBe(true);
    expect(isNegativeRating('binary', 1)).toBe(false);
    expect([1, 2, 3, 4, 5].map((r) => isNegativeRating('five', r))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
