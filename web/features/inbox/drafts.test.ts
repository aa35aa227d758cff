import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hasDraft, readDraft, restoreDraft, useDraft } from './drafts';

const KEY = 'steward.draft.v1.7.note';

describe('drafts', () => {
  it('reads what a browser stored, and nothing from damaged or foreign values', () => {
    window.localStorage.setItem(
      KEY,
      JSON.stringify({
        body: 'Call back on Monday',
        attachments: [
          { id: 3, filename: 'log.txt', contentType: 'text/plain', size: 10, url: '/a/3' },
          { id: 'x' },
        ],
      }),
    );
    expect(readDraft(7, 'note')).toEqual({
      body: 'Call back on Monday',
      attachments: [{ id: 3, filename: 'log.txt', contentType: 'text/plain', size: 10, url: '/a/3' }],
    });
    expect(readDraft(7, 'reply')).toEqual({ body: '', attachments: [] });

    window.localStorage.setItem(KEY, '{not json');
    expect(readDraft(7, 'note')).toEqual({ body: '', attachments: [] });
    window.localStorage.setItem(KEY, JSON.stringify({ body: 42, attachments: 'none' }));
    expect(readDraft(7, 'note')).toEqual({ body: '', attachments: [] });
  });

  it('a draft of only spaces is no draft; clearing removes it from the browser', () => {
    const { result } = renderHook(() => useDraft(7, 'note'));

    act(() => result.current.setDraft((d) => ({ ...d, body: '   ' })));
    expect(hasDraft(7, 'note')).toBe(false);
    act(() => result.current.setDraft((d) => ({ ...d, body: 'Refund approved' })));
    expect(hasDraft(7, 'note')).toBe(true);
    expect(hasDraft(7, 'reply')).toBe(false);

    act(() => result.current.clear());
    expect(result.current.draft).toEqual({ body: '', attachments: [] });
    expect(window.localStorage.getItem(KEY)).toBeNull();
  });

  it('keeps a reply’s Cc and Bcc, and leaves out what is not a list of addresses', () => {
    window.localStorage.setItem(
      'steward.draft.v1.7.reply',
      JSON.stringify({ body: 'Hi', attachments: [], cc: ['a@example.test', 3], bcc: 'b@example.test' }),
    );
    expect(readDraft(7, 'reply')).toEqual({ body: 'Hi', attachments: [], cc: ['a@example.test'] });
  });

  it('a draft put back keeps what was written since, after it', () => {
    const file = { id: 3, filename: 'log.txt', contentType: 'text/plain', size: 10, url: '/a/3' };
    restoreDraft(7, 'note', { body: 'First thought', attachments: [file] });
    expect(readDraft(7, 'note')).toEqual({ body: 'First thought', attachments: [file] });
    window.localStorage.setItem(KEY, JSON.stringify({ body: 'Second thought', attachments: [] }));
    restoreDraft(7, 'note', { body: 'First thought', attachments: [file] });
    expect(readDraft(7, 'note')).toEqual({ body: 'First thought\n\nSecond thought', attachments: [file] });
  });
});
