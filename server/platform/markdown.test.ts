import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poisonousBodies } from '../../test/helpers/poison';
import {
  isMarkdownTame,
  markdownLimits,
  renderGuarded,
  renderMarkdown,
  renderMarkdownFully,
} from './markdown';

describe('renderMarkdown', () => {
  it('keeps formatting', () => {
    expect(renderMarkdown('**bold** and [link](https://example.com)')).toContain('<strong>bold</strong>');
    expect(renderMarkdown('[x](https://example.com)')).toContain('rel="noopener noreferrer nofollow"');
  });

  it('never lets script through', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<svg onload=alert(1)>',
    ];
    for (const attack of attacks) {
      const html = renderMarkdown(attack);
      expect(html).not.toMatch(/<script|onerror|onload|javascript:|<iframe|style=|<svg/i);
    }
  });

  it('never emits event handlers or script tags for any input', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('<script>', 'onerror=', 'javascript:', '<img src=x ', '"'),
        (text, piece) => {
          const html = renderMarkdown(`${text}${piece}${text}`);
          // Text like "onerror=" is harmless once escaped; what must never appear is an attribute.
          expect(html).not.toMatch(/<script|<[^>]*\son\w+=|href="javascript:/i);
        },
      ),
    );
  });

  it('renders a plain sentence exactly as the full parser and sanitiser do', () => {
    const pieces = [
      'a',
      'Z',
      'é',
      'ß',
      '1',
      '9',
      ' ',
      '  ',
      '.',
      ',',
      '!',
      '?',
      "'",
      '(',
      ')',
      '-',
      'www',
      'w.',
    ];
    const line = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (text) => {
        expect(renderMarkdown(text)).toBe(renderMarkdownFully(text));
      }),
      { numRuns: 2000 },
    );
    expect(renderMarkdown('My kettle stopped working after 5 days. Order SO-12.')).toBe(
      '<p>My kettle stopped working after 5 days. Order SO-12.</p>\n',
    );
  });
});

describe('renderMarkdown on hostile input', () => {
  it('renders every poisonous body quickly, as safe escaped text, without throwing', () => {
    for (const [name, body] of Object.entries(poisonousBodies)) {
      const started = performance.now();
      const html = renderMarkdown(body);
      expect(performance.now() - started, name).toBeLessThan(2_000);
      expect(html, name).not.toMatch(/<(?!\/?(p|br|ul|li|hr)\b)/);
    }
  });

  it('keeps markdown that nests a little, and shows deep nesting as the text it is', () => {
    expect(renderMarkdown('> quoted\n>> twice')).toContain('<blockquote>');
    const deep = `${'>'.repeat(17)} too deep <b>`;
    expect(renderMarkdown(deep)).toBe(`<p>${'&gt;'.repeat(17)} too deep &lt;b&gt;</p>\n`);
  });

  it('shows text as plain paragraphs when the renderer throws', () => {
    const html = renderGuarded('first *line*\nsecond <line>\n\nnext', () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(html).toBe('<p>first *line*<br>\nsecond &lt;line&gt;</p>\n<p>next</p>\n');
  });

  it('counts nesting and delimiters, not ordinary text', () => {
    expect(isMarkdownTame('a'.repeat(markdownLimits.chars))).toBe(true);
    expect(isMarkdownTame('a'.repeat(markdownLimits.chars + 1))).toBe(false);
    expect(isMarkdownTame(`${'> '.repeat(markdownLimits.nesting)}x`)).toBe(true);
    expect(isMarkdownTame(`${'> '.repeat(markdownLimits.nesting + 1)}x`)).toBe(false);
    expect(isMarkdownTame('*a'.repeat(markdownLimits.delimiters))).toBe(true);
    expect(isMarkdownTame('*a'.repeat(markdownLimits.delimiters + 1))).toBe(false);
  });
});
