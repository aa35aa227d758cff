import { Button, type ButtonProps, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';
import { withModals } from '../app/overlays';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  children: ReactNode;
  /** Title of the confirmation dialog. */
  confirmTitle: string;
  /** What will happen, in plain words. */
  confirmMessage: ReactNode;
  confirmLabel: string;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
  onConfirm: () => void;
}

/** A button that asks before it acts. */
export function ConfirmButton({
  children,
  confirmTitle,
  confirmMessage,
  confirmLabel,
  danger = false,
  onConfirm,
  ...buttonProps
}: ConfirmButtonProps) {
  const open = () =>
    confirmAction({ title: confirmTitle, message: confirmMessage, confirmLabel, danger, onConfirm });
  return (
    <Button {...buttonProps} onClick={open}>
      {children}
    </Button>
  );
}

/** The same question, for icon buttons and menu items. */
export function confirmAction(options: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
}): void {
  withModals(() =>
    modals.openConfirmModal({
      title: options.title,
      children:
        typeof options.message === 'string' ? <Text fz="sm">{options.message}</Text> : options.message,
      labels: { confirm: options.confirmLabel, cancel: 'Cancel' },
      confirmProps: { color: options.danger ? 'red' : undefined },
      onConfirm: options.onConfirm,
    }),
  );
}
