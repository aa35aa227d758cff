import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../contracts/tickets';

export type ComposerMode = 'reply' | 'note';

export interface Draft {
  body: string;
  attachments: Attachment[];
  /** A reply's Cc and Bcc once the writer changed them; until then Cc is the ticket's copies. */
  cc?: string[];
  bcc?: string[];
}

const emptyDraft: Draft = { body: '', attachments: [] };
const PREFIX = 'steward.draft.v1';

function keyOf(ticketId: number, mode: ComposerMode): string {
  return `${PREFIX}.${ticketId}.${mode}`;
}

const stringsOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;

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
    const cc = 'cc' in value ? stringsOf(value.cc) : undefined;
    const bcc = 'bcc' in value ? stringsOf(value.bcc) : undefined;
    return { body, attachments, ...(cc ? { cc } : {}), ...(bcc ? { bcc } : {}) };
  } catch {
    return emptyDraft;
  }
}

export function writeDraft(ticketId: number, mode: ComposerMode, draft: Draft): void {
  try {
    const key = keyOf(ticketId, mode);
    if (!draft.body.trim() && draft.attachments.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or blocked: the draft lives as long as the page.
  }
}

/**
 * Puts a draft back (an undone or failed send). Whatever was written meanwhile stays, after it.
 */
export function restoreDraft(ticketId: number, mode: ComposerMode, draft: Draft): void {
  const current = readDraft(ticketId, mode);
  const body = current.body.trim() ? `${draft.body}\n\n${current.body}` : draft.body;
  const known = new Set(draft.attachments.map((a) => a.id));
  writeDraft(ticketId, mode, {
    ...draft,
    body,
    attachments: [...draft.attachments, ...current.attachments.filter((a) => !known.has(a.id))],
  });
}

/** Adds text at the end of a draft (a macro's text), after what is already written. */
export function appendToDraft(ticketId: number, mode: ComposerMode, text: string): void {
  const current = readDraft(ticketId, mode);
  const body = current.body.trim() ? `${current.body.trimEnd()}\n\n${text}` : text;
  writeDraft(ticketId, mode, { ...current, body });
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

  /** Reads the saved draft again (a send that was undone or failed put it back). */
  const reload = useCallback(() => setDraftState(readDraft(ticketId, mode)), [ticketId, mode]);

  return { draft, setDraft, clear, reload };
}
