/** A shortcut handler that does nothing while a dialog or drawer is open, or a menu has focus. */
export function whenNoDialog(handler: (event: KeyboardEvent) => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('[role="menu"], [role="listbox"], [role="combobox"]'))
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
  { keys: ['Esc'], description: 'Close the reply box or a dialog' },
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
