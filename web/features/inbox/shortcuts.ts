/**
 * A shortcut handler that does nothing while a dialog or drawer is open, or a menu or popover
 * has focus.
 */
export function whenNoDialog(handler: (event: KeyboardEvent) => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      target.closest('[role="menu"], [role="listbox"], [role="combobox"], [role="dialog"]')
    )
      return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    handler(event);
  };
}

export const inboxShortcuts: { keys: string[]; description: string }[] = [
  { keys: ['j'], description: 'Next ticket in the list' },
  { keys: ['k'], description: 'Previous ticket in the list' },
  { keys: ['Enter'], description: 'Open the highlighted ticket' },
  { keys: ['r'], description: 'Reply to the customer' },
  { keys: ['n'], description: 'Add an internal note' },
  { keys: ['a'], description: 'Assign the open ticket to me' },
  { keys: ['e'], description: 'Escalate the open ticket' },
  { keys: ['m'], description: 'Apply a macro to the open ticket (Alt+M while writing)' },
  { keys: ['Esc'], description: 'Close the reply box or a dialog, then the open ticket' },
  { keys: ['?'], description: 'Show these shortcuts' },
  { keys: ['Ctrl', 'K'], description: 'Jump to any page' },
];

/** True when Enter would already do something where the focus is (a link, a button, a fold toggle). */
export function focusTakesEnter(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    target instanceof HTMLElement &&
    target.closest('a, button, summary, [role="button"], [role="tab"]') !== null
  );
}

/** True when no control has the focus: it fell to the page after what held it went away. */
export function nothingFocused(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/** True when the focus is somewhere the person types (a text field, the reply editor). */
function typingFocused(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return false;
  if (active.isContentEditable || active.tagName === 'TEXTAREA') return true;
  return active.tagName === 'INPUT' && active.getAttribute('role') !== 'combobox';
}

/**
 * Gives `target` the focus once the dialog that had it has closed. A closing dialog keeps the
 * focus through its exit transition, longer on a busy device, and then hands it back to whatever
 * had it before it opened (a menu item that is gone by then, or a field the person used before),
 * which varies with timing: so this waits until no modal dialog is left and then focuses the
 * target, unless the focus is where the person types (a macro applied from the dialog opens the
 * reply). It gives up after `patience`.
 */
export function refocusWhenLost(
  target: () => HTMLElement | null | undefined,
  { interval = 50, patience = 3000 }: { interval?: number; patience?: number } = {},
): void {
  const started = Date.now();
  const check = () => {
    if (!document.querySelector('[role="dialog"][aria-modal="true"]')) {
      if (!typingFocused()) target()?.focus();
      return;
    }
    if (Date.now() - started < patience) window.setTimeout(check, interval);
  };
  window.setTimeout(check, interval);
}

/** Focuses the link of a ticket's row in the list; false when the row is not shown. */
export function focusTicketRow(ticketId: number): boolean {
  const link = document.getElementById(`ticket-row-${ticketId}`)?.querySelector<HTMLElement>('a');
  link?.focus();
  return link !== null && link !== undefined;
}
