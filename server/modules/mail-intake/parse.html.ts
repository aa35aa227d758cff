import sanitizeHtml from 'sanitize-html';
import { escapeHtml, safeTags } from '../../platform/markdown';
import { splitQuoted } from './mail-intake.rules';

/**
 * Where mail clients start the quoted history in HTML (Gmail, Apple Mail/Thunderbird, Outlook):
 * a tag name and an attribute whose value contains a marker.
 */
const htmlQuoteMarkers: { tag: string; attribute: string; contains: string }[] = [
  { tag: 'div', attribute: 'class', contains: 'gmail_quote' },
  { tag: 'blockquote', attribute: 'type', contains: 'cite' },
  { tag: 'div', attribute: 'id', contains: 'divrplyfwdmsg' },
  { tag: 'div', attribute: 'id', contains: 'appendonsend' },
  { tag: 'hr', attribute: 'id', contains: 'stopspelling' },
  { tag: 'div', attribute: 'class', contains: 'moz-cite-prefix' },
];

/** The value of `name="…"` (or '…') inside one tag's text, read without a pattern. */
function attributeValue(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(`${name}=`, from);
    if (at === -1) return null;
    from = at + name.length + 1;
    const before = tag[at - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    const quote = tag[from];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, from + 1);
    return end === -1 ? null : tag.slice(from + 1, end);
  }
}

/**
 * Where the quoted history starts in mail HTML, or -1: the first tag that is a client's quote
 * marker, or an "Original Message" divider. One pass over the tags, each read once.
 */
export function quoteStart(html: string): number {
  const lower = html.toLowerCase();
  const divider = dividerStart(lower);
  let at = lower.indexOf('<');
  while (at !== -1 && (divider === -1 || at < divider)) {
    const end = lower.indexOf('>', at);
    if (end === -1) break;
    const tag = lower.slice(at + 1, end);
    const name = tag.split(/[\s/]/, 1)[0]!;
    for (const marker of htmlQuoteMarkers) {
      if (marker.tag === name && attributeValue(tag, marker.attribute)?.includes(marker.contains)) return at;
    }
    at = lower.indexOf('<', end);
  }
  return divider;
}

/** Where a "----- Original Message -----" divider starts (its first dash), or -1. */
function dividerStart(lower: string): number {
  let found = lower.indexOf('original message');
  while (found !== -1) {
    let i = found - 1;
    while (i >= 0 && (lower[i] === ' ' || lower[i] === '\t')) i -= 1;
    let dashes = 0;
    while (i >= 0 && lower[i] === '-') {
      i -= 1;
      dashes += 1;
    }
    if (dashes >= 3) return i + 1;
    found = lower.indexOf('original message', found + 1);
  }
  return -1;
}

/** Whether sanitised HTML shows any text: tags skipped by a scan, not a pattern. */
function hasVisibleText(html: string): boolean {
  let inTag = false;
  for (const char of html) {
    if (char === '<') inTag = true;
    else if (char === '>') inTag = false;
    else if (!inTag && char.trim() !== '') return true;
  }
  return false;
}

const mailTags = [...safeTags, 'h5', 'h6', 'tfoot', 'font', 'center', 'small', 'sub', 'sup'];

/**
 * Mail HTML made safe: no scripts, styles, forms or event handlers; links open in a new tab;
 * pictures only when they are attachments of the mail itself (cid: references), so remote
 * trackers never load.
 */
function sanitizeMailHtml(html: string, cidUrls: Map<string, string>): string {
  return sanitizeHtml(html, {
    allowedTags: mailTags,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['align', 'colspan', 'rowspan'],
      th: ['align', 'colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
      font: 'span',
      center: 'div',
      img: (tagName, attribs) => {
        const cid = /^cid:(.+)$/i.exec(attribs.src ?? '')?.[1];
        const url = cid ? cidUrls.get(cid.replace(/^<|>$/g, '').toLowerCase()) : undefined;
        return url
          ? { tagName, attribs: { ...attribs, src: url } }
          : { tagName: 'span', attribs: {}, text: attribs.alt ? `[${attribs.alt}]` : '' };
      },
    },
  }).trim();
}

/** Plain text as HTML: escaped, paragraphs and line breaks kept, addresses linked. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((para) => {
      const escaped = escapeHtml(para).replace(
        /\bhttps?:\/\/[^\s<>"']+/g,
        (url) => `<a href="${url}" rel="noopener noreferrer nofollow" target="_blank">${url}</a>`,
      );
      return `<p>${escaped.replace(/\n/g, '<br />')}</p>`;
    })
    .join('\n');
}

const folded = (quoted: string) =>
  quoted
    ? `\n<details class="quoted-history"><summary>Show quoted text</summary>\n${quoted}\n</details>`
    : '';

/** The HTML a reader sees: what was written now, with the quoted history folded below it. */
export function mailBodyHtml(
  mail: { html: string | null; text: string },
  cidUrls: Map<string, string>,
): string {
  if (mail.html) {
    const cut = quoteStart(mail.html);
    const fresh = sanitizeMailHtml(cut > 0 ? mail.html.slice(0, cut) : mail.html, cidUrls);
    const quoted = cut > 0 ? sanitizeMailHtml(mail.html.slice(cut), cidUrls) : '';
    if (hasVisibleText(fresh) || fresh.includes('<img')) return fresh + folded(quoted);
  }
  const { fresh, quoted } = splitQuoted(mail.text);
  return textToHtml(fresh || '(no text)') + folded(quoted ? textToHtml(quoted) : '');
}
