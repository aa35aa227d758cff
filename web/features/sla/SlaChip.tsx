import { Box, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconClock, IconClockExclamation, IconClockPause, IconClockX } from '@tabler/icons-react';
import type { SlaMetric, SlaTone } from '../../../contracts/sla-summary';
import { formatDateTime } from '../../app/format';
import { useViewerTimeZone } from '../../app/session';
import { useSlaNow } from './slaNow';
import { readClock } from './slaText';

const tones: Record<SlaTone, { color: string; icon: typeof IconClock; words: string }> = {
  ok: { color: 'var(--steward-ok-text)', icon: IconClock, words: 'on track' },
  warning: { color: 'var(--steward-warning-text)', icon: IconClockExclamation, words: 'nearly due' },
  breached: { color: 'var(--steward-danger-text)', icon: IconClockX, words: 'target missed' },
  paused: { color: 'var(--mantine-color-dimmed)', icon: IconClockPause, words: 'clock stopped' },
};

export interface SlaChipClock {
  metric: SlaMetric;
  dueAt: string | null;
  warnAt: string | null;
}

/**
 * A service-level clock as a chip: the target, the time left (or how late it is, or that it is
 * paused), coloured by its state and said in words; the exact time on hover.
 */
export function SlaChip({
  clock,
  businessHours,
  size = 'sm',
}: {
  clock: SlaChipClock;
  /** Whether the clock counts business hours; unknown on list rows. */
  businessHours?: boolean;
  size?: 'xs' | 'sm';
}) {
  const now = useSlaNow();
  const timeZone = useViewerTimeZone();
  const reading = readClock(clock, now);
  const tone = tones[reading.tone];
  const counted =
    businessHours === undefined ? '' : businessHours ? ' (business hours)' : ' (around the clock)';
  const hint = clock.dueAt
    ? `${reading.tone === 'breached' ? 'Target missed at' : 'Runs out at'} ${formatDateTime(clock.dueAt, timeZone)}${counted}`
    : 'Paused: the clock stops while the ticket waits, and runs on when it is open again';
  const IconOf = tone.icon;
  return (
    <Tooltip label={hint} openDelay={300} multiline maw={280}>
      <Box
        component="span"
        data-sla-tone={reading.tone}
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 4,
          maxWidth: '100%',
          minWidth: 0,
          padding: size === 'xs' ? '0 6px' : '1px 8px',
          borderRadius: 999,
          border: `1px solid ${tone.color}`,
          color: tone.color,
          fontSize: size === 'xs' ? 'var(--mantine-font-size-xs)' : 'var(--mantine-font-size-sm)',
          fontWeight: reading.tone === 'ok' || reading.tone === 'paused' ? 500 : 700,
          lineHeight: size === 'xs' ? '18px' : '20px',
          whiteSpace: 'nowrap',
        }}
      >
        <IconOf size={size === 'xs' ? 13 : 15} stroke={1.8} aria-hidden style={{ flexShrink: 0 }} />
        <VisuallyHidden>Service level: </VisuallyHidden>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>{reading.text}</span>
        {reading.tone !== 'paused' && reading.tone !== 'ok' ? (
          <VisuallyHidden>, {tone.words}</VisuallyHidden>
        ) : null}
      </Box>
    </Tooltip>
  );
}
