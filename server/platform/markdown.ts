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

/** Markdown (or plain text) to HTML that is safe to show anywhere: no scripts, handlers or styles. */
export function renderMarkdown(markdown: string): string {
  // Most customer messages are a plain sentence: the parser and sanitiser would return it as is.
  if (isPlainLine(markdown)) return `<p>${markdown}</p>\n`;
  return renderMarkdownFully(markdown);
}

/** The full path: marked, then the sanitiser. */
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
