import { Group, Text, Tooltip } from '@mantine/core';
import { IconClock, IconClockCheck, IconClockExclamation } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Ticket } from '../../contracts/tickets';
import { formatDateTime } from '../app/format';
import { useViewerTimeZone } from '../app/session';

const HOUR = 3600_000;

/** "12 min", "3 h", "2 days": a duration in the largest unit that reads naturally. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

type Tone = 'calm' | 'warning' | 'danger';

const toneColors: Record<Tone, string> = {
  calm: 'var(--mantine-color-dimmed)',
  warning: 'var(--steward-warning-text)',
  danger: 'var(--steward-danger-text)',
};

interface Clock {
  text: string;
  tone: Tone;
  icon: typeof IconClock;
  at: string;
  hint: string;
}

type ClockTicket = Pick<Ticket, 'status' | 'createdAt' | 'firstReplyAt' | 'waitingSince' | 'dueAt'>;

/**
 * The clocks that matter on a ticket: how long the customer has waited for an answer (or how
 * soon the first reply came once nobody is waiting), and the due date.
 */
export function ticketClocks(ticket: ClockTicket, now: number): Clock[] {
  const clocks: Clock[] = [];
  const done = ticket.status === 'solved' || ticket.status === 'closed';
  if (ticket.waitingSince && !done) {
    const waiting = now - Date.parse(ticket.waitingSince);
    clocks.push({
      text: ticket.firstReplyAt
        ? `Customer waiting ${formatDuration(waiting)}`
        : `No reply yet · waiting ${formatDuration(waiting)}`,
      tone: waiting > 4 * HOUR ? 'danger' : waiting > HOUR ? 'warning' : 'calm',
      icon: waiting > HOUR ? IconClockExclamation : IconClock,
      at: ticket.waitingSince,
      hint: 'Waiting since',
    });
  } else if (ticket.firstReplyAt) {
    clocks.push({
      text: `First reply after ${formatDuration(Date.parse(ticket.firstReplyAt) - Date.parse(ticket.createdAt))}`,
      tone: 'calm',
      icon: IconClockCheck,
      at: ticket.firstReplyAt,
      hint: 'First reply sent',
    });
  }
  if (ticket.dueAt && !done) {
    const left = Date.parse(ticket.dueAt) - now;
    clocks.push({
      text: left < 0 ? `Overdue by ${formatDuration(left)}` : `Due in ${formatDuration(left)}`,
      tone: left < 0 ? 'danger' : left < 4 * HOUR ? 'warning' : 'calm',
      icon: left < 0 ? IconClockExclamation : IconClock,
      at: ticket.dueAt,
      hint: 'Due',
    });
  }
  return clocks;
}

/** A ticket's clocks in colour and words, with the exact time on hover. Calendar hours, not business hours. */
export function TicketClock({ ticket, size = 'xs' }: { ticket: ClockTicket; size?: 'xs' | 'sm' }) {
  const now = useNow();
  const timeZone = useViewerTimeZone();
  const clocks = ticketClocks(ticket, now);
  if (clocks.length === 0) return null;
  return (
    <Group gap="sm" wrap="wrap">
      {clocks.map((clock) => (
        <Tooltip
          key={clock.hint}
          label={`${clock.hint}: ${formatDateTime(clock.at, timeZone)} (calendar hours)`}
        >
          <Group gap={4} wrap="nowrap">
            <clock.icon size={14} color={toneColors[clock.tone]} aria-hidden />
            <Text
              span
              fz={size}
              style={{ color: toneColors[clock.tone] }}
              fw={clock.tone === 'calm' ? 400 : 600}
            >
              {clock.text}
            </Text>
          </Group>
        </Tooltip>
      ))}
    </Group>
  );
}
