import { describe, expect, it } from 'vitest';
import type { TemplateKey } from '../../../contracts/mail';
import { renderTemplate, sampleValues, templateDefaults } from './templates.defaults';

/** What a customer can type into a name, a subject or a message. */
const hostile = [
  '[x](http://e)',
  '<http://e>',
  'http://evil.example/login',
  'www.evil.example',
  'evil@evil.example',
  '![img](http://e/x.png)',
  '<a href="http://e">click</a>',
  '<img src="http://e/x.png">',
  '<script>alert(1)</script>',
  '# Heading',
  '**bold** _emphasis_ `code`',
  '[x]\n\n[x]: http://e',
  '&lt;b&gt; &amp; &#60;i&#62;',
  '{{customer.email}} {{ticket.url}}',
  'javascript:alert(1)',
  'Line one\r\nBcc: victim@example.com\n\n> quoted\n- item',
];

/** Steward's own addresses and the admin's signature: not values a customer can give. */
const notCustomerValues = new Set([
  'ticket.url',
  'portal.url',
  'mailbox.signature',
  'nps.url',
  'unsubscribe.url',
]);

const tags = (html: string) =>
  [...html.matchAll(/<(\/?[a-z0-9]+)/g)].map((m) => m[1]).filter((t) => !/br$/.test(t!));
const links = (html: string) => [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

describe('templates with values a customer typed', () => {
  const cases = (Object.keys(templateDefaults) as TemplateKey[]).flatMap((key) =>
    templateDefaults[key].placeholders
      .filter((name) => !notCustomerValues.has(name))
      .map((name) => ({ key, name })),
  );

  it.each(cases)('$key: {{$name}} never carries links, images or markup into the mail', ({ key, name }) => {
    const { subject, body } = templateDefaults[key];
    const baseline = renderTemplate(subject, body, { ...sampleValues, [name]: 'Plain' });
    for (const value of hostile) {
      const out = renderTemplate(subject, body, { ...sampleValues, [name]: value });
      // The HTML has exactly the template's own elements and links, nothing of the value's.
      expect(tags(out.html), value).toEqual(tags(baseline.html));
      expect(links(out.html), value).toEqual(links(baseline.html));
      expect(out.html).not.toMatch(/<(a|img|script|h1)\b[^>]*(\be\/|evil)/);
      // Nothing a mail reader would autolink: the value's addresses are broken up.
      expect(out.html).not.toMatch(/http:\/\/e|www\.evil|evil@evil\.example|="javascript/);
      if (body.includes(`{{${name}}}`)) {
        expect(out.text, value).toContain(value);
        if (value.startsWith('&lt;')) expect(out.html).toContain('&amp;lt;b&amp;gt;');
      }
      if (subject.includes(`{{${name}}}`)) expect(out.subject).toContain(value.replace(/\s+/g, ' ').trim());
      expect(out.subject).not.toMatch(/[\r\n]/);
      // Placeholders inside a value stay as typed.
      if (value.startsWith('{{') && body.includes(`{{${name}}}`)) {
        expect(out.text).toContain('{{customer.email}} {{ticket.url}}');
        expect(out.text.split(sampleValues['ticket.url']!).length).toBe(
          baseline.text.split(sampleValues['ticket.url']!).length,
        );
      }
    }
  });

  it("puts an agent's reply in as its own sanitised HTML and the text part as written", () => {
    const { subject, body } = templateDefaults.agent_replied;
    const reply = 'See [the guide](https://help.acme.example/guide).';
    const out = renderTemplate(
      subject,
      body,
      { ...sampleValues, 'message.body': reply },
      {
        'message.body': '<p>See <a href="https://help.acme.example/guide">the guide</a>.</p>\n',
      },
    );
    expect(out.html).toMatch(/^<p>See <a href="https:\/\/help\.acme\.example\/guide">the guide<\/a>\.<\/p>/);
    expect(out.html).not.toContain('<p><p>');
    expect(out.text).toContain(reply);
  });

  it("links Steward's own addresses and renders the signature's Markdown", () => {
    const out = renderTemplate(
      templateDefaults.ticket_received.subject,
      templateDefaults.ticket_received.body,
      {
        ...sampleValues,
        'mailbox.signature': '**Acme** support',
      },
    );
    const portal = sampleValues['portal.url']!;
    expect(out.html).toContain(`<a href="${portal}">${portal}</a>`);
    expect(out.html).toContain('<p><strong>Acme</strong> support</p>');
    // Only web addresses become links, and in an admin's link only Steward's own addresses.
    const fake = renderTemplate('s', 'Go to {{portal.url}} or [here]({{ticket.subject}})', {
      'portal.url': 'javascript:alert(1)',
      'ticket.subject': 'http://e',
    });
    expect(links(fake.html)).toEqual(['']);
    expect(fake.html).not.toMatch(/="javascript|http:\/\/e/);
  });
});
