import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refocusWhenLost } from './shortcuts';

/** A button in the page, and a dialog with a focused field standing for one that is closing. */
function setUp() {
  document.body.innerHTML =
    '<button id="actions">More</button><div role="dialog"><input id="field" /></div><a id="elsewhere" href="#x">Other</a>';
  const actions = document.getElementById('actions') as HTMLButtonElement;
  const field = document.getElementById('field') as HTMLInputElement;
  const elsewhere = document.getElementById('elsewhere') as HTMLAnchorElement;
  field.focus();
  return { actions, field, elsewhere };
}

describe('refocusWhenLost', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('waits out a slow closing dialog, then gives the focus to the target', () => {
    const { actions, field } = setUp();
    refocusWhenLost(() => actions);
    vi.advanceTimersByTime(600);
    expect(document.activeElement).toBe(field);
    field.closest('[role="dialog"]')?.remove();
    vi.advanceTimersByTime(50);
    expect(document.activeElement).toBe(actions);
  });

  it('leaves the focus where the person or the dialog put it', () => {
    const { actions, field, elsewhere } = setUp();
    refocusWhenLost(() => actions);
    elsewhere.focus();
    field.closest('[role="dialog"]')?.remove();
    vi.advanceTimersByTime(500);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('gives up after its patience, so a dialog that never closes is not fought over', () => {
    const { actions, field } = setUp();
    refocusWhenLost(() => actions, { patience: 1000 });
    vi.advanceTimersByTime(1100);
    field.closest('[role="dialog"]')?.remove();
    vi.advanceTimersByTime(1000);
    expect(document.activeElement).not.toBe(actions);
  });

  it('focuses the target at once when the focus had already fallen to the page', () => {
    const { actions, field } = setUp();
    field.blur();
    refocusWhenLost(() => actions);
    vi.advanceTimersByTime(50);
    expect(document.activeElement).toBe(actions);
  });
});
