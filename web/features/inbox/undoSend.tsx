import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { errorMessage, isApiError } from '../../app/api';
import { type ComposerMode, type Draft, restoreDraft } from './drafts';

/** How long a reply or note waits, with an Undo, before it is sent. */
export const UNDO_MS = 5000;

/** What became of a send that did not happen: undone, or refused by the server. */
export type SendSetback =
  | { ticketId: number; mode: ComposerMode; kind: 'undone' }
  | { ticketId: number; mode: ComposerMode; kind: 'failed'; error: unknown };

interface PendingSend {
  ticketId: number;
  mode: ComposerMode;
  draft: Draft;
  timer: ReturnType<typeof setTimeout>;
  send: () => Promise<void>;
  sentMessage: string;
}

const pending = new Map<string, PendingSend>();
const listeners = new Set<(setback: SendSetback) => void>();
let counter = 0;

function tell(setback: SendSetback): void {
  for (const listener of listeners) listener(setback);
}

const what = (mode: ComposerMode) => (mode === 'note' ? 'note' : 'reply');

function undo(id: string): void {
  const entry = pending.get(id);
  if (!entry) return;
  pending.delete(id);
  clearTimeout(entry.timer);
  notifications.hide(id);
  restoreDraft(entry.ticketId, entry.mode, entry.draft);
  tell({ ticketId: entry.ticketId, mode: entry.mode, kind: 'undone' });
}

async function fire(id: string): Promise<void> {
  const entry = pending.get(id);
  if (!entry) return;
  pending.delete(id);
  clearTimeout(entry.timer);
  notifications.update({
    id,
    loading: true,
    title: entry.mode === 'note' ? 'Adding note…' : 'Sending…',
    message: `Ticket #${entry.ticketId}`,
    autoClose: false,
    withCloseButton: false,
  });
  try {
    await entry.send();
    notifications.update({
      id,
      loading: false,
      color: 'teal',
      title: entry.mode === 'note' ? 'Note added' : 'Reply sent',
      message: entry.sentMessage,
      autoClose: 4000,
      withCloseButton: true,
    });
  } catch (error) {
    restoreDraft(entry.ticketId, entry.mode, entry.draft);
    notifications.update({
      id,
      loading: false,
      color: 'red',
      title: entry.mode === 'note' ? 'The note was not added' : 'The reply was not sent',
      message: isApiError(error, 'TICKET_VERSION_CONFLICT')
        ? `Ticket #${entry.ticketId} changed meanwhile. Your ${what(entry.mode)} is back in the composer: review the latest before sending.`
        : `${errorMessage(error)} Your ${what(entry.mode)} is back in the composer.`,
      autoClose: 8000,
      withCloseButton: true,
    });
    tell({ ticketId: entry.ticketId, mode: entry.mode, kind: 'failed', error });
  }
}

function UndoMessage({ id, mode }: { id: string; mode: ComposerMode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text fz="sm">Your {what(mode)} goes out in a few seconds.</Text>
      <Button size="compact-sm" variant="light" onClick={() => undo(id)}>
        Undo
      </Button>
    </Group>
  );
}

/**
 * Sends a reply or note after `UNDO_MS`, with "Sending… Undo" meanwhile. The wait lives outside
 * the composer: leaving the ticket still sends. Undo, or a refusal from the server, puts the
 * draft back (`restoreDraft`) and tells the listeners (`useSendSetbacks`).
 */
export function sendAfterUndoWindow(options: {
  ticketId: number;
  mode: ComposerMode;
  draft: Draft;
  send: () => Promise<void>;
  sentMessage: string;
}): void {
  counter += 1;
  const id = `send-${options.ticketId}-${counter}`;
  const timer = setTimeout(() => void fire(id), UNDO_MS);
  pending.set(id, { ...options, timer });
  notifications.show({
    id,
    title: options.mode === 'note' ? 'Adding note…' : 'Sending…',
    message: <UndoMessage id={id} mode={options.mode} />,
    autoClose: false,
    withCloseButton: false,
  });
}

/** Whether a reply or note is waiting to go out (the page asks before it is closed). */
export function hasPendingSends(): boolean {
  return pending.size > 0;
}

/** Sends everything waiting now: the page is being closed. */
export function sendPendingNow(): void {
  for (const id of [...pending.keys()]) void fire(id);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (event) => {
    if (!hasPendingSends()) return;
    sendPendingNow();
    event.preventDefault();
  });
}

/** Calls `handle` when a send of this ticket's reply or note was undone or refused. */
export function useSendSetbacks(ticketId: number, handle: (setback: SendSetback) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const listener = (setback: SendSetback) => {
      if (setback.ticketId === ticketId) latest.current(setback);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [ticketId]);
}
