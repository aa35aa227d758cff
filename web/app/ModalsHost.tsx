import './styles-all';
import { ModalsProvider } from '@mantine/modals';
import { useEffect } from 'react';
import { modalsReady } from './overlays';

/** Says the host listens: its effect runs after the provider's, which subscribes to `modals.…` calls. */
function Ready() {
  useEffect(modalsReady, []);
  return null;
}

/** Confirmation dialogs (`modals.openConfirmModal`), loaded with the first one (see overlays.tsx). */
export default function ModalsHost() {
  return (
    <>
      <ModalsProvider labels={{ confirm: 'Confirm', cancel: 'Cancel' }} />
      <Ready />
    </>
  );
}
