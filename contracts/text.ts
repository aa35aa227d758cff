import { z } from 'zod';

/**
 * Text people type, checked the same way everywhere. Control characters never reach the
 * database (PostgreSQL refuses NUL; others break mail headers, logs and layouts), and a name
 * must show something: zero-width spaces, joiners, byte-order marks and bidi marks alone
 * look like nothing at all.
 */

/** C0 and C1 control characters and DEL: refused in names, subjects and titles. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const LINE_CONTROLS = /^[^\u0000-\u001F\u007F-\u009F]*$/;
/** The same, but tabs and line breaks (LF, and CR of CRLF) are part of prose. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const PROSE_CONTROLS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
/** Half of a surrogate pair without its other half: not a character in any encoding. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** Characters that show nothing: white space, default-ignorable (zero-width, BOM, bidi marks…), braille blank. */
const INVISIBLE = /[\s\p{Z}\p{Default_Ignorable_Code_Point}\u2800]/gu;

export const textMessages = {
  controls: 'Remove control characters (such as NUL or line breaks)',
  proseControls: 'Remove control characters (such as NUL)',
  surrogate: 'Contains a broken character (half of a surrogate pair)',
  invisible: 'Write some visible text',
} as const;

const wellFormed = (value: string) => !LONE_SURROGATE.test(value);
/**
 * Empty is left to min(); text made only of invisible characters is refused. Most text shows a
 * printable ASCII character before any other: that settles it without copying the string.
 */
const visible = (value: string) => {
  if (value === '') return true;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code > 0x20 && code < 0x7f) return true;
    if (code >= 0x80) break;
  }
  return value.replace(INVISIBLE, '') !== '';
};

/**
 * A name, subject or title: one line, trimmed, at least one visible character.
 * `min: 0` lets it be empty (but still not invisible-only).
 */
export function lineText(max: number, { min = 1 }: { min?: number } = {}) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(LINE_CONTROLS, textMessages.controls)
    .refine(wellFormed, textMessages.surrogate)
    .refine(visible, textMessages.invisible);
}

/**
 * Text with line breaks (message bodies, notes, descriptions, signatures): tabs and line
 * breaks are fine, other control characters are not. Trimmed unless `trim: false`.
 */
export function proseText(
  max: number,
  { min = 1, trim = true, tooShort }: { min?: number; trim?: boolean; tooShort?: string } = {},
) {
  const base = trim ? z.string().trim() : z.string();
  return base
    .min(min, tooShort)
    .max(max)
    .regex(PROSE_CONTROLS, textMessages.proseControls)
    .refine(wellFormed, textMessages.surrogate)
    .refine((v) => min === 0 || visible(v), textMessages.invisible);
}

/** Any other string (a search, a host, a folder, a value): no control characters, nothing more. */
export function plainText(max: number, { min = 0, trim = true }: { min?: number; trim?: boolean } = {}) {
  const base = trim ? z.string().trim() : z.string();
  return base
    .min(min)
    .max(max)
    .regex(LINE_CONTROLS, textMessages.controls)
    .refine(wellFormed, textMessages.surrogate);
}

/** An email address: trimmed, lower-cased, at most 254 characters (documented as format: email). */
export const emailAddress = z.preprocess(
  (value: string) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email('Enter an email address').max(254),
);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/**
 * Printable ASCII and the Latin letters up to U+02FF: each code unit is a whole, visible
 * character, and one of them after another starts no mark or joiner sequence.
 */
const isPlain = (code: number) => (code > 0x20 && code < 0x7f) || (code >= 0xc0 && code < 0x300);
/** The first whole character of a word; most names need no segmenter (it costs about 20 µs). */
const firstGrapheme = (word: string) => {
  const next = word.charCodeAt(1);
  if (isPlain(word.charCodeAt(0)) && (Number.isNaN(next) || isPlain(next))) return word[0]!;
  return graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
};
/** A word with something to see: a plain first character settles it without the pattern. */
const hasVisible = (word: string) => isPlain(word.charCodeAt(0)) || word.replace(INVISIBLE, '') !== '';

/**
 * Up to two initials (first and last word), whole characters only: an emoji, a flag or a
 * letter with combining marks is never cut in half.
 */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter(hasVisible);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return `${firstGrapheme(first)}${last ? firstGrapheme(last) : ''}`.toLocaleUpperCase();
}
