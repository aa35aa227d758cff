import Sentiment from 'sentiment';
import { type SentimentLabel, sentimentLabelOf } from '../../../contracts/feedback';

/** Only the first characters of a comment are scored: a bounded, linear amount of work per answer. */
export const SENTIMENT_MAX_CHARS = 2000;

const analyser = new Sentiment();

export interface SentimentResult {
  score: number;
  comparative: number;
  label: SentimentLabel;
}

/** A stored score as answers carry it: null until the comment was scored. */
export function storedSentiment(row: {
  sentiment: SentimentLabel | null;
  sentiment_score: number | null;
  sentiment_comparative: number | null;
}): SentimentResult | null {
  if (row.sentiment === null) return null;
  return {
    label: row.sentiment,
    score: row.sentiment_score ?? 0,
    comparative: row.sentiment_comparative ?? 0,
  };
}

/**
 * A comment's sentiment with the AFINN-165 word list: the sum of its words' scores, that sum per
 * word, and the label the comparative score gives (thresholds in contracts/feedback.ts). An empty
 * comment is neutral.
 */
export function scoreSentiment(comment: string): SentimentResult {
  const text = comment.slice(0, SENTIMENT_MAX_CHARS).trim();
  if (text === '') return { score: 0, comparative: 0, label: 'neutral' };
  const result = analyser.analyze(text);
  const comparative = Number.isFinite(result.comparative) ? result.comparative : 0;
  return { score: result.score, comparative, label: sentimentLabelOf(comparative) };
}
