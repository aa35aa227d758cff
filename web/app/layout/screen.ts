import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em, 768 px), where `hiddenFrom="sm"` shows and `visibleFrom="sm"` hides. */
export const phoneMedia = '(max-width: 47.99em)';

/**
 * A phone-sized window: one column, the navigation in a drawer. Read at the first render (the
 * app renders only in a browser), so a phone never flashes the laptop layout.
 */
export function usePhone(): boolean {
  return useMediaQuery(phoneMedia, false, { getInitialValueInEffect: false });
}
