import { type CSSVariablesResolver, darken, type MantineTheme } from '@mantine/core';

/** Colours whose darkest shade is still too light for small text on their own tint. */
const paleColors = new Set(['yellow', 'orange', 'green', 'lime', 'teal', 'cyan']);

/**
 * Text of `light` and `outline` variants (badges, buttons, alerts) in the darkest shade, so it
 * reaches AA contrast on white and on its own tint in the light theme.
 */
function lightVariantText(theme: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    const darkest = shades[9];
    const text = paleColors.has(name) ? darken(darkest, 0.3) : darkest;
    variables[`--mantine-color-${name}-light-color`] = text;
    variables[`--mantine-color-${name}-outline`] = text;
  }
  return variables;
}

/**
 * Colours that must read well in both themes (AA contrast): secondary text, light variants,
 * warning and danger text, and the look of internal notes (`var(--steward-…)`).
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    ...lightVariantText(theme),
    // Secondary text at 5.8:1 on white (5:1 on a selected row's tint) rather than the default
    // 3.3:1; placeholders the same.
    '--mantine-color-dimmed': '#5f666d',
    '--mantine-color-placeholder': '#5f666d',
    // Error messages under fields at 5:1 rather than red-6's 3.3:1.
    '--mantine-color-error': theme.colors.red[9],
    '--steward-danger-text': theme.colors.red[8],
    '--steward-warning-text': theme.colors.orange[9],
    '--steward-ok-text': theme.colors.teal[8],
    '--steward-note-bg': theme.colors.yellow[0],
    '--steward-note-border': theme.colors.yellow[6],
    '--steward-note-text': '#7a4a00',
    '--steward-reply-bg': theme.colors.indigo[0],
    '--steward-contact-bg': theme.colors.teal[0],
  },
  dark: {
    // Secondary text and placeholders at 4.5:1 or more on every dark surface (body, inputs,
    // hovered and selected rows), rather than the default 4:1 on the page and 2.9:1 in fields.
    '--mantine-color-dimmed': '#a8a8a8',
    '--mantine-color-placeholder': '#a0a0a0',
    '--mantine-color-error': theme.colors.red[4],
    '--steward-danger-text': theme.colors.red[4],
    '--steward-warning-text': theme.colors.orange[4],
    '--steward-ok-text': theme.colors.teal[4],
    '--steward-note-bg': 'rgba(250, 176, 5, 0.12)',
    '--steward-note-border': theme.colors.yellow[7],
    '--steward-note-text': theme.colors.yellow[4],
    '--steward-reply-bg': 'rgba(76, 110, 245, 0.12)',
    '--steward-contact-bg': 'rgba(18, 184, 134, 0.1)',
  },
});
