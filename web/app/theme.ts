import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Filled buttons and badges dark enough for white text at AA contrast.
  primaryShade: { light: 8, dark: 8 },
  // Where a filled colour is too light for white text (yellow, orange, green, teal…), dark text
  // instead. 0.183 is the luminance below which white text reaches 4.5:1 (red's 8 just does).
  autoContrast: true,
  luminanceThreshold: 0.183,
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    // Links in running text must not rely on colour alone.
    Anchor: { defaultProps: { underline: 'always' } },
    // Dialogs' and drawers' × buttons have no words of their own: name them for screen readers.
    Modal: { defaultProps: { centered: true, closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
  },
});
