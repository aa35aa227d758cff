import sanitizeHtml from 'sanitize-html';
import { escapeHtml, safeTags } from '../../platform/markdown';
import { splitQuoted } from './mail.rules';

/** Where mail clients start the quoted history in HTML (Gmail, Apple Mail/Thunderbird, Outlook). */
const htmlQuoteMarkers = [
  /<div[^>]*class=["'][^"']*gmail_quote/i,
  /<blockquote[^>]*type=["']cite["']/i,
  /<div[^>]*id=["']divRplyFwdMsg["']/i,
  /<div[^>]*id=["']appendonsend["']/i,
  /<hr[^>]*id=["']stopSpelling["']/i,
  /<div[^>]*class=["'][^"']*moz-cite-prefix/i,
  /-{3,}\s*Original Message\s*-{3,}/i,
];

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
    const cut = htmlQuoteMarkers
      .map((re) => re.exec(mail.html!)?.index ?? -1)
      .filter((i) => i > 0)
      .sort((a, b) => a - b)[0];
    const fresh = sanitizeMailHtml(cut ? mail.html.slice(0, cut) : mail.html, cidUrls);
    const quoted = cut ? sanitizeMailHtml(mail.html.slice(cut), cidUrls) : '';
    if (fresh.replace(/<[^>]+>/g, '').trim() || fresh.includes('<img')) return fresh + folded(quoted);
  }
  const { fresh, quoted } = splitQuoted(mail.text);
  return textToHtml(fresh || '(no text)') + folded(quoted ? textToHtml(quoted) : '');
}
