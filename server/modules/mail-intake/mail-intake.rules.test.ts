import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate, templateDefaults, unknownPlaceholders } from '../mailboxes';
import {
  cleanSubject,
  isAutomated,
  isBounce,
  matchingRule,
  referencedIds,
  splitQuoted,
  ticketRefInSubject,
} from './mail-intake.rules';
import { mailBodyHtml, textToHtml } from './parse.html';

describe('automatic mail', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'a@x.example'],
    [{ 'auto-submitted': 'auto-generated' }, 'a@x.example'],
    [{ precedence: 'bulk' }, 'a@x.example'],
    [{ precedence: 'auto_reply' }, 'a@x.example'],
    [{ 'x-autoreply': 'yes' }, 'a@x.example'],
    [{ 'x-auto-response-suppress': 'OOF, AutoReply' }, 'a@x.example'],
    [{ 'list-id': '<news.x.example>' }, 'a@x.example'],
    [{}, 'MAILER-DAEMON@mx.x.example'],
    [{}, 'postmaster@x.example'],
    [{}, 'no-reply@x.example'],
    [{ 'content-type': 'multipart/report; report-type=delivery-status' }, 'a@x.example'],
  ])('%o from %s is automatic', (headers, sender) => {
    expect(isAutomated(sender, headers)).toBe(true);
  });

  it('a person writing is not', () => {
    expect(isAutomated('ann@x.example', { 'auto-submitted': 'no', subject: 'Help' })).toBe(false);
  });

  it('bounces are recognised by sender, report type or empty return path', () => {
    expect(isBounce('mailer-daemon@x.example', {})).toBe(true);
    expect(isBounce('a@x.example', { 'return-path': '<>' })).toBe(true);
    expect(isBounce('a@x.example', { 'content-type': 'text/plain' })).toBe(false);
  });
});

describe('threading', () => {
  it('reads [#id] from subjects', () => {
    expect(ticketRefInSubject('Re: [#1234] Broken kettle')).toBe(1234);
    expect(ticketRefInSubject('Order #1234')).toBeNull();
  });

  it('lists referenced Message-IDs newest first, normalised, without duplicates', () => {
    expect(referencedIds('<C@X>', ['<a@x>', '<b@x>', '<c@x>'])).toEqual(['c@x', 'b@x', 'a@x']);
    expect(referencedIds(undefined, undefined)).toEqual([]);
  });

  it('cleans reply prefixes and our reference from subjects', () => {
    expect(cleanSubject('RE: AW: Fwd: [#12] Broken kettle')).toBe('Broken kettle');
    expect(cleanSubject('   ')).toBe('(no subject)');
  });
});

describe('spam rules', () => {
  const rules = [
    { id: 1, kind: 'block_sender' as const, header: null, pattern: 'bad@x.example' },
    { id: 2, kind: 'block_sender' as const, header: null, pattern: '@spam.example' },
    { id: 3, kind: 'header' as const, header: 'x-spam-flag', pattern: 'yes' },
  ];
  it('matches addresses, domains with subdomains, and header text', () => {
    expect(matchingRule(rules, 'bad@x.example', {})?.id).toBe(1);
    expect(matchingRule(rules, 'good@x.example', {})).toBeNull();
    expect(matchingRule(rules, 'a@mail.spam.example', {})?.id).toBe(2);
    expect(matchingRule(rules, 'a@notspam.example', {})).toBeNull();
    expect(matchingRule(rules, 'a@y.example', { 'x-spam-flag': 'YES' })?.id).toBe(3);
  });
});

describe('quoted history', () => {
  it('folds "On … wrote:" and > lines, keeping what was written now', () => {
    const { fresh, quoted } = splitQuoted('Thanks!\n\nOn Mon, Ann wrote:\n> old text\n> more');
    expect(fresh).toBe('Thanks!');
    expect(quoted).toContain('old text');
  });

  it('keeps a message that is only quotes whole', () => {
    expect(splitQuoted('> just a quote').fresh).toBe('> just a quote');
  });

  it('never loses text: fresh and quoted together hold every line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constant('> q'), fc.constant('On x wrote:')), { maxLength: 12 }),
        (lines) => {
          const text = lines.join('\n');
          const { fresh, quoted } = splitQuoted(text);
          const kept = `${fresh}\n${quoted}`;
          for (const line of lines) if (line.trim()) expect(kept).toContain(line.trim());
        },
      ),
    );
  });
});

describe('mail HTML', () => {
  it('escapes text and links addresses', () => {
    expect(textToHtml('<b>hi</b>\nsee https://x.example/a')).toBe(
      '<p>&lt;b&gt;hi&lt;/b&gt;<br />see <a href="https://x.example/a" rel="noopener noreferrer nofollow" target="_blank">https://x.example/a</a></p>',
    );
  });

  it('folds Gmail quotes and drops scripts, handlers and remote pictures', () => {
    const html = mailBodyHtml(
      {
        html: '<p onclick="x()">New</p><img src="https://t.example/p.gif"><script>alert(1)</script><div class="gmail_quote">Old</div>',
        text: 'New',
      },
      new Map(),
    );
    expect(html).toMatch(/^<p>New<\/p>/);
    expect(html).toContain('<details class="quoted-history">');
    expect(html).not.toMatch(/script|onclick|t\.example/);
  });
});

describe('templates', () => {
  it('fills placeholders and renders Markdown to HTML with a plain-text part', () => {
    const out = renderTemplate('[#{{ticket.id}}] {{ticket.subject}}', 'Hi **{{customer.name}}**', {
      'ticket.id': '7',
      'ticket.subject': 'Kettle',
      'customer.name': 'Ann',
    });
    expect(out).toEqual({
      subject: '[#7] Kettle',
      text: 'Hi **Ann**',
      html: '<p>Hi <strong>Ann</strong></p>\n',
    });
  });

  it('names placeholders a template does not offer', () => {
    expect(unknownPlaceholders('ticket_solved', 'Hi {{customer.name}} {{message.body}}')).toEqual([
      'message.body',
    ]);
    expect(unknownPlaceholders('agent_replied', 'broken {{ message.body')).toEqual(['{{']);
    for (const [key, def] of Object.entries(templateDefaults)) {
      expect(unknownPlaceholders(key as keyof typeof templateDefaults, def.subject, def.body)).toEqual([]);
    }
  });
});
