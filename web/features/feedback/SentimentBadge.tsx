import { Badge } from '@mantine/core';
import type { SentimentLabel } from '../../../contracts/feedback';

const tone: Record<SentimentLabel, { color: string; label: string }> = {
  positive: { color: 'teal', label: 'Positive tone' },
  neutral: { color: 'gray', label: 'Neutral tone' },
  negative: { color: 'red', label: 'Negative tone' },
};

/** The tone of a comment as its words read (AFINN), beside the rating the customer gave; shown only with a comment. */
export function SentimentBadge({ sentiment }: { sentiment: SentimentLabel | string | null }) {
  const shown =
    sentiment !== null && Object.hasOwn(tone, sentiment) ? tone[sentiment as SentimentLabel] : null;
  if (!shown) return null;
  return (
    <Badge color={shown.color} variant="dot" size="sm">
      {shown.label}
    </Badge>
  );
}
