import { describe, expect, it } from 'vitest';
import {
  escapeMarkdownText,
  parseMacroText,
  renderMacroText,
  sampleMacroValues,
  unknownPlaceholders,
} from '../../../contracts/macros';
import type { Ticket } from '../../../contracts/tickets';
import { renderMarkdown } from '../../platform/markdown';
import { changesInWords, macroValuesOf, tagsAfter, ticketUpdateOf } from './macros.rules';

const ticket = {
  id: 42,
  subject: 'Kettle leaks',
  requester: { id: 7, name: 'Petra Lindqvist', email: 'petra@example.com' },
  organization: null,
  status: 'open',
  priority: 'normal',
  type: 'question',
  tags: ['kettle', 'warranty'],
  assignee: null,
  team: { id: 3, name: 'Frontline' },
  customFields: { order_no: 'A-1' },
} as unknown as Ticket;

describe('macro text', () => {
  it('splits words from placeholders, with or without spaces inside the braces', () => {
    expect(parseMacroText('Hi {{requester.first_name}}, ticket #{{ ticket.id }}.')).toEqual([
      { text: 'Hi ' },
      { placeholder: 'requester.first_name' },
      { text: ', ticket #' },
      { placeholder: 'ticket.id' },
      { text: '.' },
    ]);
  });

  it('leaves braces that close nowhere near, or across lines, as text', () => {
    expect(parseMacroText('a {{ b\n}} c')).toEqual([{ text: 'a {{ b\n}} c' }]);
    expect(parseMacroText(`{{${'x'.repeat(100)}}}`)).toEqual([{ text: `{{${'x'.repeat(100)}}}` }]);
  });

  it('names the placeholders it does not know, once each', () => {
    expect(unknownPlaceholders('{{ticket.id}} {{customer.name}} {{customer.name}} {{}}')).toEqual([
      'customer.name',
      '',
    ]);
    expect(unknownPlaceholders('Hello {{agent.first_name}}')).toEqual([]);
  });

  it('scans a long hostile text in linear time', () => {
    const hostile = '{{'.repeat(200_000) + '{{ a'.repeat(50_000);
    const started = performance.now();
    unknownPlaceholders(hostile);
    renderMacroText(hostile, sampleMacroValues);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('fills in values as text: a requester named <script> reads as those characters', () => {
    const values = {
      ...sampleMacroValues,
      'requester.name': '<script>alert(1)</script> *Bob* [x](javascript:y)',
    };
    const body = renderMacroText('Dear {{requester.name}},', values);
    const html = renderMarkdown(body);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('<a');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; *Bob* [x](javascript:y)');
  });

  it('keeps a value from starting a list, a heading or a link', () => {
    for (const value of [
      '- item',
      '# Heading',
      '1. First',
      'http://evil.example',
      'www.evil.example',
      '> quote',
    ])
      expect(renderMarkdown(escapeMarkdownText(value)), value).toMatch(/^<p>[^<]*<\/p>\n?$/);
    expect(escapeMarkdownText('Line one\nline two')).toBe('Line one line two');
  });
});

describe('macro changes', () => {
  it('changes only what differs, with "me" as the person applying it', () => {
    const update = ticketUpdateOf(
      ticket,
      {
        status: 'open',
        priority: 'high',
        assignee: 'me',
        teamId: 3,
        addTags: ['refund'],
        removeTags: ['kettle'],
      },
      9,
    );
    expect(update).toEqual({ priority: 'high', assigneeId: 9, tags: ['warranty', 'refund'] });
  });

  it('reads the changes in words, before and after', () => {
    const update = ticketUpdateOf(
      ticket,
      { status: 'pending', teamId: null, customFields: { order_no: 'B-2' } },
      9,
    );
    expect(
      changesInWords(ticket, update, {
        assignee: null,
        team: null,
        fieldLabels: { order_no: 'Order number' },
      }),
    ).toEqual([
      { field: 'status', label: 'Status', before: 'Open', after: 'Pending' },
      { field: 'team', label: 'Team', before: 'Frontline', after: 'No team' },
      { field: 'customFields.order_no', label: 'Order number', before: 'A-1', after: 'B-2' },
    ]);
  });

  it('adds and removes tags keeping their order', () => {
    expect(tagsAfter(['a', 'b'], ['c', 'a'], ['b'])).toEqual(['a', 'c']);
  });

  it('takes first names from full names', () => {
    expect(macroValuesOf(ticket, 'Amara Okafor')).toMatchObject({
      'requester.first_name': 'Petra',
      'agent.first_name': 'Amara',
      'organization.name': '',
      'ticket.id': '42',
    });
  });
});
