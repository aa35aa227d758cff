import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  cleanSubject,
  mailBodyHtml,
  mailFingerprint,
  parseInbound,
  peopleIn,
  processInboundMail,
  splitQuoted,
  storeInboundMail,
  textToHtml,
} from '../../server/modules/mail-intake';
import { localBus } from '../../server/platform/live/bus';
import { describeApi, testConfig } from '../helpers/app';

/**
 * Hostile text is normal input: a mail of 1 MB built to make a backtracking scan take hours
 * must cost about what any 1 MB mail costs. Each input goes through every scan of the mail
 * intake within a fixed CPU budget, and processing it never stalls the server's event loop.
 */
const MB = 1 << 20;
const nestedQuotes = Array.from({ length: 1 + MB / 64 }, (_, i) => `${'>'.repeat(i % 60)} x`).join('\n');
const adversarialInputs: Record<string, string> = {
  dashes: '-'.repeat(MB),
  'greater-than': '>'.repeat(MB),
  'less-than': '<'.repeat(MB),
  at: '@'.repeat(MB),
  underscore_a: '_a'.repeat(MB / 2),
  'nested quotes': nestedQuotes,
  'deep quote': `${'>'.repeat(MB - 2)} x`,
  'open tags': '<div class="'.repeat(MB / 12),
  'quote markers': '<div class="gmail_quote x'.repeat(MB / 25),
  attributions: 'On Monday someone wrote:\n'.repeat(MB / 25),
  'ticket refs': '[#1'.repeat(MB / 3),
  spaces: `${' '.repeat(MB)}x`,
  'reply prefixes': 'Re: '.repeat(MB / 4),
  'original message': '-- Original Message '.repeat(MB / 20),
  angles: '<a'.repeat(MB / 2),
  'address runs': `${'a'.repeat(MB)}@`,
};

/** CPU time (user + system, all threads) that `work` takes, in ms. */
async function cpuMs(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const BUDGET_MS = 8_000;

function mailWith(input: string, id = 'adversarial'): Buffer {
  const head = [
    `From: "${input.slice(0, 2000)}" <sender@customer.example>`,
    'To: help@shop.example',
    `Subject: ${input.slice(0, 5000).split('\n').join(' ')}`,
    `Message-ID: <${id}@customer.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b"',
  ].join('\r\n');
  return Buffer.from(
    `${head}\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n${input}\r\n--b\r\nContent-Type: text/html\r\n\r\n${input}\r\n--b--\r\n`,
  );
}

describe('adversarial 1 MB inputs', () => {
  for (const [name, input] of Object.entries(adversarialInputs)) {
    it(`${name}: every scan of the intake stays within ${BUDGET_MS} ms of CPU`, {
      timeout: 60_000,
    }, async () => {
      const raw = mailWith(input);
      const spent = {
        splitQuoted: await cpuMs(() => splitQuoted(input)),
        mailBodyHtml: await cpuMs(() => mailBodyHtml({ html: input, text: input }, new Map())),
        textToHtml: await cpuMs(() => textToHtml(input)),
        cleanSubject: await cpuMs(() => cleanSubject(input)),
        peopleIn: await cpuMs(() => peopleIn(input)),
        fingerprint: await cpuMs(() => mailFingerprint(raw)),
        parse: await cpuMs(() => parseInbound(raw)),
      };
      for (const [scan, ms] of Object.entries(spent)) expect(ms, scan).toBeLessThan(BUDGET_MS);
    });
  }
});

describeApi('a hostile mail never stalls the server', (t) => {
  it('processing 1 MB mails built to backtrack leaves the event loop free', {
    timeout: 120_000,
  }, async () => {
    const deps = {
      db: t.handle.db,
      config: testConfig(t.dataDir),
      live: localBus(),
    };
    const admin = await t.signIn('admin');
    await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: { address: 'help@shop.example' },
    });
    for (const name of ['nested quotes', 'less-than', 'quote markers', 'dashes']) {
      await storeInboundMail(t.handle.db, {
        raw: mailWith(adversarialInputs[name]!, name.split(' ').join('-')),
        source: 'smtp',
        mailboxId: null,
        envelopeFrom: 'sender@customer.example',
        recipients: ['help@shop.example'],
      });
    }
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const pings: number[] = [];
    let done = false;
    const pinging = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await t.app.inject({ method: 'GET', url: '/healthz' });
        expect(res.statusCode).toBe(200);
        pings.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await processInboundMail(deps);
    done = true;
    await pinging;
    delay.disable();
    expect(pings.length).toBeGreaterThan(5);
    expect(Math.max(...pings)).toBeLessThan(1_000);
    expect(delay.max / 1e6).toBeLessThan(1_000);
  });
});
