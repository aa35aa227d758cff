import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults, senderAuthentication } from './auth-results';

const lines = (...raw: string[]) =>
  raw.map((line) => ({ key: line.slice(0, line.indexOf(':')).toLowerCase(), line }));

describe('Authentication-Results', () => {
  it('reads spf, dkim and dmarc results, skipping comments, versions and properties', () => {
    const results = parseAuthenticationResults(
      ' mx.acme.example 1; spf=pass (sender SPF authorized; good) smtp.mailfrom=dana@customer.example;' +
        '\r\n\tdkim/1=fail (bad signature) header.d=customer.example header.s="s1";\r\n\tdmarc=FAIL (p=reject) header.from=customer.example',
    );
    expect(results.map((r) => [r.method, r.result])).toEqual([
      ['spf', 'pass'],
      ['dkim', 'fail'],
      ['dmarc', 'fail'],
    ]);
    expect(results[2]!.properties.get('header.from')).toBe('customer.example');
    expect(parseAuthenticationResults('mx.acme.example; none')).toEqual([]);
  });

  it('marks the mail suspicious when DMARC fails for the From domain, shows every result', () => {
    const auth = senderAuthentication(
      lines(
        'Authentication-Results: mx.acme.example; dkim=fail header.d=other.example; dkim=pass header.d=customer.example',
        'Authentication-Results: mx.acme.example; spf=softfail smtp.mailfrom=x@customer.example; dmarc=fail header.from=Customer.Example',
        'Received: from mail.customer.example by mx.acme.example',
      ),
      'dana@customer.example',
    );
    expect(auth).toEqual({ spf: 'softfail', dkim: 'pass', dmarc: 'fail', suspicious: true });
  });

  it('ignores a DMARC result about another domain and headers below the first Received', () => {
    const auth = senderAuthentication(
      lines(
        'Authentication-Results: mx.acme.example; spf=pass; dmarc=fail header.from=elsewhere.example',
        'Received: from relay.example by mx.acme.example',
        'Authentication-Results: mx.acme.example; dmarc=fail header.from=customer.example',
      ),
      'dana@customer.example',
    );
    expect(auth).toEqual({ spf: 'pass', dkim: null, dmarc: null, suspicious: false });
    // A header the sender wrote below the first Received says nothing.
    expect(
      senderAuthentication(
        lines('Received: from x by y', 'Authentication-Results: mx.acme.example; dmarc=pass'),
        'a@b.example',
      ),
    ).toBeNull();
  });

  it('parses hostile headers in linear time', () => {
    const nasty = `mx; ${'dmarc=fail '.repeat(2000)}${'('.repeat(5000)}${'a=b;'.repeat(20000)}`;
    const started = performance.now();
    senderAuthentication(lines(`Authentication-Results: ${nasty}`), 'a@b.example');
    parseAuthenticationResults(`x;${' '.repeat(100_000)}=`);
    // Linear work here takes milliseconds; a quadratic scan of these 100,000 characters takes
    // minutes. The bound is wide so a busy machine never fails it.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads the headers mailparser hands over, folded lines included', async () => {
    const parsed = await simpleParser(
      [
        'Authentication-Results: mx.acme.example;',
        '\tspf=pass smtp.mailfrom=customer.example;',
        '\tdkim=pass header.d=customer.example;',
        '\tdmarc=pass header.from=customer.example',
        'Received: from mail.customer.example by mx.acme.example',
        'From: dana@customer.example',
        'To: support@acme.example',
        'Subject: Hi',
        '',
        'Hello',
      ].join('\r\n'),
    );
    expect(senderAuthentication(parsed.headerLines, 'dana@customer.example')).toEqual({
      spf: 'pass',
      dkim: 'pass',
      dmarc: 'pass',
      suspicious: false,
    });
  });
});
