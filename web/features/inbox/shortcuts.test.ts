import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refocusWhenLost } from './shortcuts';

/**
 * A menu button and a field in the page, and a modal dialog with a focused field standing for
 * one that is closing.
 */
function setUp() {
  document.body.innerHTML = `<button id="actions">More</button><input id="status" role="combobox" />
    <textarea id="reply"></textarea>
    <div role="dialog" aria-modal="true"><input id="field" /></div>`;
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const field = byId<HTMLInputElement>('field');
  field.focus();
  const close = () => field.closest('[role="dialog"]')?.remove();
  return {
    actions: byId<HTMLButtonElement>('actions'),
    status: byId<HTMLInputElement>('status'),
    reply: byId<HTMLTextAreaElement>('reply'),
    field,
    close,
  };
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
    const { actions, field, close } = setUp();
    refocusWhenLost(() => actions);
    vi.advanceTimersByTime(600);
    expect(document.activeElement).toBe(field);
    close();
    vi.advanceTimersByTime(50);
    expect(document.activeElement).toBe(actions);
  });

  it('takes the focus back from wherever the closed dialog handed it, a field used before included', () => {
    const { actions, status, close } = setUp();
    refocusWhenLost(() => actions);
    close();
    status.focus();
    vi.advanceTimersByTime(50);
    expect(document.activeElement).toBe(actions);
  });

  it('leaves the focus where the person types, such as a reply a macro opened', () => {
    const { actions, reply, close } = setUp();
    refocusWhenLost(() => actions);
    close();
    reply.focus();
    vi.advanceTimersByTime(500);
    expect(document.activeElement).toBe(reply);
  });

  it('gives up after its patience, so a dialog that never closes is not fought over', () => {
    const { actions, close } = setUp();
    refocusWhenLost(() => actions, { patience: 1000 });
    vi.advanceTimersByTime(1100);
    close();
    vi.advanceTimersByTime(1000);
    expect(document.activeElement).not.toBe(actions);
  });

  it('focuses the target at once when no dialog is open any more', () => {
    const { actions, field, close } = setUp();
    field.blur();
    close();
    refocusWhenLost(() => actions);
    vi.advanceTimersByTime(50);
    expect(document.activeElement).toBe(actions);
  });
});
