import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type TestImapServer } from '../../../test/helpers/dovecot';
import { skipWithoutDovecot } from '../../../test/helpers/tiers';
import type { ImapSettings } from '../mailboxes';
import { type PolledMessage, PROCESSED_KEYWORD, pollImap } from './imap.poller';

function rawMail(n: number, folder: string): string {
  return [
    'From: Customer <customer@example.test>',
    'To: support@example.test',
    `Subject: Help ${n}`,
    `Message-ID: <${folder}-${n}@example.test>`,
    `X-Steward-Test: ${folder}-${n}`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    '',
    `Body ${n}`,
    '',
  ].join('\r\n');
}

function collector(failOn?: string) {
  const seen: PolledMessage[] = [];
  const accept = async (msg: PolledMessage) => {
    if (failOn && msg.raw.toString().includes(failOn)) throw new Error('storage is down');
    seen.push(msg);
  };
  return { seen, accept };
}

function recordingLog() {
  const warnings: { obj: object; msg: string }[] = [];
  return { warnings, warn: (obj: object, msg: string) => warnings.push({ obj, msg }) };
}

describe.skipIf(skipWithoutDovecot())('pollImap against a real IMAP server (dovecot)', () => {
  let server: TestImapServer;
  let folders = 0;

  beforeAll(async () => {
    server = await startDovecot();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Each test works in fresh folders, so tests do not see each other's mail. */
  async function mailbox(mode: ImapSettings['processedAction'], count: number) {
    folders++;
    const folder = `In${folders}`;
    for (let n = 1; n <= count; n++) await server.append(rawMail(n, folder), folder);
    const settings: ImapSettings = {
      host: server.host,
      port: server.port,
      secure: false,
      user: server.user,
      password: server.password,
      folder,
      processedAction: mode,
      processedFolder: mode === 'move' ? `Done${folders}` : null,
    };
    return { folder, settings };
  }

  it('move mode: hands over the raw messages, then moves them to the processed folder', async () => {
    const { folder, settings } = await mailbox('move', 3);
    const { seen, accept } = collector();

    expect(await pollImap(settings, accept, recordingLog())).toEqual({ fetched: 3, accepted: 3, failed: 0 });

    expect(seen.map((m) => m.raw.toString())).toEqual([1, 2, 3].map((n) => rawMail(n, folder)));
    expect(seen.every((m) => m.folder === folder && m.uid > 0)).toBe(true);
    expect(await server.list(folder)).toEqual([]);
    expect(await server.list(settings.processedFolder!)).toHaveLength(3);

    expect(await pollImap(settings, accept, recordingLog())).toEqual({ fetched: 0, accepted: 0, failed: 0 });
    expect(seen).toHaveLength(3);
  });

  it('flag mode: marks processed messages \\Seen and with the keyword, and skips them next time', async () => {
    const { folder, settings } = await mailbox('flag', 3);
    const { seen, accept } = collector();

    expect(await pollImap(settings, accept, recordingLog())).toEqual({ fetched: 3, accepted: 3, failed: 0 });

    expect(seen[0]?.raw.toString()).toContain(`X-Steward-Test: ${folder}-1\r\n`);
    const left = await server.list(folder);
    expect(left).toHaveLength(3);
    for (const message of left) expect(message.flags).toEqual([PROCESSED_KEYWORD, '\\Seen']);

    expect(await pollImap(settings, accept, recordingLog())).toEqual({ fetched: 0, accepted: 0, failed: 0 });
  });

  it.each(['move', 'flag'] as const)(
    '%s mode: a message whose accept throws stays for the next poll',
    async (mode) => {
      const { folder, settings } = await mailbox(mode, 3);
      const first = collector(`X-Steward-Test: ${folder}-2`);
      const log = recordingLog();

      expect(await pollImap(settings, first.accept, log)).toEqual({ fetched: 3, accepted: 2, failed: 1 });
      expect(first.seen.map((m) => m.raw.toString())).toEqual([rawMail(1, folder), rawMail(3, folder)]);
      expect(log.warnings).toHaveLength(1);
      expect(log.warnings[0]?.obj).toMatchObject({ folder, err: expect.any(Error) });

      const second = collector();
      expect(await pollImap(settings, second.accept, recordingLog())).toEqual({
        fetched: 1,
        accepted: 1,
        failed: 0,
      });
      expect(second.seen.map((m) => m.raw.toString())).toEqual([rawMail(2, folder)]);
    },
  );

  it('fetches at most batchSize messages per poll, oldest first', async () => {
    const { folder, settings } = await mailbox('move', 3);
    const { seen, accept } = collector();

    expect(await pollImap(settings, accept, recordingLog(), { batchSize: 2 })).toMatchObject({ fetched: 2 });
    expect(await pollImap(settings, accept, recordingLog(), { batchSize: 2 })).toMatchObject({ fetched: 1 });
    expect(seen.map((m) => m.raw.toString())).toEqual([1, 2, 3].map((n) => rawMail(n, folder)));
  });

  it('rejects with a clear error when the password is wrong', async () => {
    const { settings } = await mailbox('move', 1);
    const { seen, accept } = collector();

    await expect(pollImap({ ...settings, password: 'wrong' }, accept, recordingLog())).rejects.toThrow(
      `IMAP sign-in as ${server.user} to ${server.host}:${server.port} failed`,
    );
    expect(seen).toEqual([]);
  });
});
