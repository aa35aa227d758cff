import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';

describe('formatDateTime', () => {
  it('reads a moment in the viewer’s zone, with the zone named, never as a raw ISO string', () => {
    const text = formatDateTime('2026-12-05T10:38:57.545Z', 'Europe/Berlin');
    expect(text).not.toContain('T10:38');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/11:38/);
    expect(text).toMatch(/GMT\+1|CET/);
  });

  it('gives back what it cannot read as a date', () => {
    expect(formatDateTime('not a date', 'UTC')).toBe('not a date');
  });
});
