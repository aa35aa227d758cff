import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { SlaChip } from './SlaChip';
import { SLA_TICK_MS } from './slaNow';
import { countdownText, readClock } from './slaText';

const NOW = Date.parse('2026-12-01T10:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(NOW + ms).toISOString();

describe('readClock', () => {
  it('says how long is left, how late it is, or that it is paused, with the tone', () => {
    expect(readClock({ metric: 'first_reply', dueAt: iso(80 * MIN), warnAt: iso(60 * MIN) }, NOW)).toEqual({
      tone: 'ok',
      text: 'First reply · 1 h 20 min left',
    });
    expect(readClock({ metric: 'next_reply', dueAt: iso(20 * MIN), warnAt: iso(-MIN) }, NOW)).toEqual({
      tone: 'warning',
      text: 'Next reply · 20 min left',
    });
    expect(readClock({ metric: 'resolution', dueAt: iso(-35 * MIN), warnAt: null }, NOW)).toEqual({
      tone: 'breached',
      text: 'Resolution · 35 min late',
    });
    expect(readClock({ metric: 'first_reply', dueAt: null, warnAt: null }, NOW)).toEqual({
      tone: 'paused',
      text: 'First reply · paused',
    });
  });

  it('counts in the units that read naturally', () => {
    expect(countdownText(30_000, 'up')).toBe('1 min');
    expect(countdownText(30_000, 'down')).toBe('under 1 min');
    expect(countdownText(120 * MIN, 'up')).toBe('2 h');
    expect(countdownText((50 * 60 + 5) * MIN, 'down')).toBe('2 d 2 h');
    expect(countdownText(72 * 60 * MIN, 'down')).toBe('3 d');
  });
});

describe('SlaChip', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('shows each state in words as well as colour, and counts down on one shared timer', () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    renderWithProviders(
      <>
        <SlaChip clock={{ metric: 'first_reply', dueAt: iso(2 * MIN), warnAt: iso(-MIN) }} />
        <SlaChip clock={{ metric: 'resolution', dueAt: iso(-35 * MIN), warnAt: null }} />
        <SlaChip clock={{ metric: 'next_reply', dueAt: iso(3 * 60 * MIN), warnAt: iso(2 * 60 * MIN) }} />
        <SlaChip clock={{ metric: 'periodic_update', dueAt: null, warnAt: null }} />
      </>,
    );
    const chip = (text: string | RegExp) => screen.getByText(text).closest('[data-sla-tone]');
    expect(chip('First reply · 2 min left')).toHaveAttribute('data-sla-tone', 'warning');
    expect(chip('First reply · 2 min left')).toHaveTextContent(
      'Service level: First reply · 2 min left, nearly due',
    );
    expect(chip('Resolution · 35 min late')).toHaveAttribute('data-sla-tone', 'breached');
    expect(chip('Resolution · 35 min late')).toHaveTextContent('target missed');
    expect(chip('Next reply · 3 h left')).toHaveAttribute('data-sla-tone', 'ok');
    expect(chip('Periodic update · paused')).toHaveAttribute('data-sla-tone', 'paused');
    expect(setInterval).toHaveBeenCalledTimes(1);

    act(() => vi.advanceTimersByTime(4 * SLA_TICK_MS));
    expect(chip('First reply · under 1 min late')).toHaveAttribute('data-sla-tone', 'breached');
    expect(screen.getByText('Resolution · 37 min late')).toBeInTheDocument();
    expect(setInterval).toHaveBeenCalledTimes(1);
  });
});
