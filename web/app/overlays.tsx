import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';

// Notifications and confirmation dialogs are loaded the first time one is shown, not with the
// first page: together with what they bring (transitions, focus trap, scroll lock, floating
// positioning) they weigh about as much as the sign-in page itself.
const NotificationsHost = lazy(() => import('./NotificationsHost'));
const ModalsHost = lazy(() => import('./ModalsHost'));

const modals = {
  wanted: false,
  ready: false,
  waiting: [] as (() => void)[],
  listeners: new Set<() => void>(),
};

function subscribeToModals(listener: () => void) {
  modals.listeners.add(listener);
  return () => modals.listeners.delete(listener);
}

/**
 * Runs `open` (a `modals.open…` call) once the dialogs' host listens: at once after the first
 * time, otherwise when its code has loaded.
 */
export function withModals(open: () => void): void {
  if (modals.ready) {
    open();
    return;
  }
  modals.waiting.push(open);
  if (modals.wanted) return;
  modals.wanted = true;
  for (const listener of modals.listeners) listener();
}

/** Said by the host once its provider listens for `modals.…` calls (and by the component tests' kit). */
export function modalsReady(): void {
  modals.ready = true;
  for (const open of modals.waiting.splice(0)) open();
}

/** True from the first render where `value` is true on. */
function useOnceTrue(value: boolean): boolean {
  const [was, setWas] = useState(value);
  if (value && !was) setWas(true);
  return was || value;
}

/** Where notifications and confirmation dialogs appear; mounted once, in the providers. */
export function Overlays() {
  const { notifications, queue } = useNotifications();
  const showNotifications = useOnceTrue(notifications.length + queue.length > 0);
  const showModals = useSyncExternalStore(subscribeToModals, () => modals.wanted);
  return (
    <>
      <Suspense fallback={null}>{showNotifications && <NotificationsHost />}</Suspense>
      <Suspense fallback={null}>{showModals && <ModalsHost />}</Suspense>
    </>
  );
}
