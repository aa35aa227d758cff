import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

/** Formatting that is safe to show anywhere; mail bodies add a few more presentational tags. */
export const safeTags = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'span',
  'div',
];

const allowed: sanitizeHtml.IOptions = {
  allowedTags: safeTags,
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], td: ['align'], th: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/**
 * One line of plain prose: starts with a letter, has no markup characters, no trailing space and
 * nothing GFM would turn into a link. Markdown makes it a paragraph and nothing else.
 */
const PLAIN_LINE = /^\p{L}(?:[\p{L}\p{N} ,.!?'()-]*[\p{L}\p{N},.!?'()-])?$/u;
const isPlainLine = (text: string) => PLAIN_LINE.test(text) && !/www\./i.test(text);

/**
 * Input marked is not given, because it would overflow its stack or take seconds: longer than
 * this, block quotes or lists nested deeper than this, or more inline delimiters than this
 * (emphasis, links and inline HTML cost marked time that grows with their square).
 */
export const markdownLimits = { chars: 100_000, nesting: 16, delimiters: 2_000 };

const DELIMITERS = new Set(['*', '_', '~', '`', '[', ']', '<', '>', '|']);
const LIST_BULLETS = new Set(['-', '*', '+']);
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Whether marked can be trusted with this text. One pass over it: each line's leading quote
 * markers, list markers and indentation count as nesting, and inline delimiters are counted.
 */
export function isMarkdownTame(text: string): boolean {
  if (text.length > markdownLimits.chars) return false;
  let delimiters = 0;
  let depth = 0;
  let indent = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      depth = 0;
      indent = 0;
    } else if (lineStart && (c === ' ' || c === '\t')) {
      indent += c === '\t' ? 4 : 1;
    } else if (lineStart && (c === '>' || (LIST_BULLETS.has(c) && isBlank(text[i + 1])))) {
      depth += 1;
      if (isBlank(text[i + 1])) i += 1; // the space after a marker belongs to it
    } else if (lineStart && isDigit(c)) {
      let end = i;
      while (end < text.length && end - i < 9 && isDigit(text[end])) end += 1;
      if ((text[end] === '.' || text[end] === ')') && isBlank(text[end + 1])) {
        depth += 1;
        i = end + 1;
      } else lineStart = false;
    } else {
      lineStart = false;
      if (DELIMITERS.has(c) && ++delimiters > markdownLimits.delimiters) return false;
    }
    if (depth + Math.floor(indent / 2) > markdownLimits.nesting) return false;
  }
  return true;
}

/** The text as it was written: escaped, paragraphs at blank lines, line breaks kept. */
export function renderPlainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>\n`)
    .join('');
}

/**
 * Markdown (or plain text) to HTML that is safe to show anywhere: no scripts, handlers or
 * styles. Text marked cannot be trusted with, or that makes it throw, is shown as plain text.
 */
export function renderMarkdown(markdown: string): string {
  // Most customer messages are a plain sentence: the parser and sanitiser would return it as is.
  if (isPlainLine(markdown)) return `<p>${markdown}</p>\n`;
  return renderGuarded(markdown, renderMarkdownFully);
}

/** The guard around a renderer: refused or throwing, the text is shown as plain text. */
export function renderGuarded(markdown: string, render: (markdown: string) => string): string {
  if (!isMarkdownTame(markdown)) return renderPlainText(markdown);
  try {
    return render(markdown);
  } catch {
    return renderPlainText(markdown);
  }
}

/** The full path: marked, then the sanitiser. Only for text `isMarkdownTame` accepts. */
export function renderMarkdownFully(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, {
    ...allowed,
    allowedAttributes: { ...allowed.allowedAttributes, a: ['href', 'title', 'rel', 'target'] },
  });
}

/** Sanitises HTML that arrived as HTML (mail bodies). */
export function sanitizeIncomingHtml(html: string): string {
  return sanitizeHtml(html, allowed);
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
