import { Text, type TextProps, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../app/format';
import { useViewerTimeZone } from '../app/session';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' });

/** "5 minutes ago", "in 3 days", "just now". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

interface RelativeTimeProps extends TextProps {
  value: string | null | undefined;
  /** Shown when there is no value, e.g. "Never". */
  fallback?: string;
}

/** A relative time, with the absolute time in the viewer's timezone on hover. */
export function RelativeTime({ value, fallback = '—', ...textProps }: RelativeTimeProps) {
  const now = useNow(60_000);
  const timeZone = useViewerTimeZone();
  if (!value) {
    return (
      <Text span c="dimmed" fz="sm" {...textProps}>
        {fallback}
      </Text>
    );
  }
  const absolute = formatDateTime(value, timeZone);
  return (
    <Tooltip label={absolute}>
      <Text span fz="sm" {...textProps}>
        <time dateTime={value}>{relativeTime(value, now)}</time>
      </Text>
    </Tooltip>
  );
}
