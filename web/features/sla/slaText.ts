import { type SlaMetric, type SlaTone, slaMetricLabels, slaTone } from '../../../contracts/sla-summary';

const MINUTE = 60_000;

/** "35 min", "1 h 20 min", "2 d 3 h": how long, in the two largest units that matter. */
export function countdownText(ms: number, round: 'up' | 'down'): string {
  const total = Math.max(0, round === 'up' ? Math.ceil(ms / MINUTE) : Math.floor(ms / MINUTE));
  if (total < 1) return 'under 1 min';
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  if (hours < 48) return total % 60 ? `${hours} h ${total % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export interface ClockReading {
  tone: SlaTone;
  /** "First reply · 1 h 20 min left", "Resolution · 35 min late", "First reply · paused". */
  text: string;
}

/** How a running or paused clock reads at `now`, in words as well as in tone. */
export function readClock(
  clock: { metric: SlaMetric; dueAt: string | null; warnAt: string | null },
  now: number,
): ClockReading {
  const tone = slaTone(clock, now);
  const label = slaMetricLabels[clock.metric];
  if (tone === 'paused' || !clock.dueAt) return { tone: 'paused', text: `${label} · paused` };
  const left = Date.parse(clock.dueAt) - now;
  return {
    tone,
    text:
      tone === 'breached'
        ? `${label} · ${countdownText(-left, 'down')} late`
        : `${label} · ${countdownText(left, 'up')} left`,
  };
}
