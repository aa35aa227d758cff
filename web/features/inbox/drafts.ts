import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../contracts/tickets';

export type ComposerMode = 'reply' | 'note';

export interface Draft {
  body: string;
  attachments: Attachment[];
}

const emptyDraft: Draft = { body: '', attachments: [] };
const PREFIX = 'steward.draft.v1';

function keyOf(ticketId: number, mode: ComposerMode): string {
  return `${PREFIX}.${ticketId}.${mode}`;
}

function isAttachment(value: unknown): value is Attachment {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'number' &&
    'filename' in value &&
    typeof value.filename === 'string'
  );
}

export function readDraft(ticketId: number, mode: ComposerMode): Draft {
  try {
    const raw = window.localStorage.getItem(keyOf(ticketId, mode));
    if (!raw) return emptyDraft;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return emptyDraft;
    const body = 'body' in value && typeof value.body === 'string' ? value.body : '';
    const attachments =
      'attachments' in value && Array.isArray(value.attachments)
        ? value.attachments.filter(isAttachment)
        : [];
    return { body, attachments };
  } catch {
    return emptyDraft;
  }
}

function writeDraft(ticketId: number, mode: ComposerMode, draft: Draft): void {
  try {
    const key = keyOf(ticketId, mode);
    if (!draft.body.trim() && draft.attachments.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or blocked: the draft lives as long as the page.
  }
}

export function hasDraft(ticketId: number, mode: ComposerMode): boolean {
  const draft = readDraft(ticketId, mode);
  return draft.body.trim() !== '' || draft.attachments.length > 0;
}

/** A reply or note being written, kept in the browser so it survives navigation and reload. */
export function useDraft(ticketId: number, mode: ComposerMode) {
  const [draft, setDraftState] = useState<Draft>(() => readDraft(ticketId, mode));

  useEffect(() => setDraftState(readDraft(ticketId, mode)), [ticketId, mode]);

  const setDraft = useCallback(
    (update: (current: Draft) => Draft) =>
      setDraftState((current) => {
        const next = update(current);
        writeDraft(ticketId, mode, next);
        return next;
      }),
    [ticketId, mode],
  );

  const clear = useCallback(() => {
    writeDraft(ticketId, mode, emptyDraft);
    setDraftState(emptyDraft);
  }, [ticketId, mode]);

  return { draft, setDraft, clear };
}
