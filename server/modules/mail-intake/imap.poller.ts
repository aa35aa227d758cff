import { ImapFlow, type SearchObject } from 'imapflow';
import type { ImapSettings } from '../mailboxes';

export interface PolledMessage {
  raw: Buffer;
  uid: number;
  folder: string;
}

export interface PollResult {
  fetched: number;
  accepted: number;
  failed: number;
}

/** The keyword set (with \Seen) on processed messages in flag mode. */
export const PROCESSED_KEYWORD = '$Steward';

const TIMEOUT_MS = 15_000;

/**
 * Fetches messages not yet processed, hands each to `accept` (which stores it durably), and only
 * after accept resolves moves it to processedFolder (created if missing) or flags it (\Seen plus
 * $Steward). A message whose accept throws stays for the next poll. Returns counts.
 */
export async function pollImap(
  settings: ImapSettings,
  accept: (msg: PolledMessage) => Promise<void>,
  log: { warn(obj: object, msg: string): void },
  opts: { batchSize?: number } = {},
): Promise<PollResult> {
  const { folder, processedAction, processedFolder } = settings;
  if (processedAction === 'move' && !processedFolder) {
    throw new Error('IMAP settings: processedAction "move" needs a processedFolder');
  }
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 4 * TIMEOUT_MS,
  });
  // Without a listener a socket error would be thrown as an uncaught 'error' event.
  client.on('error', (err: Error) => log.warn({ err, host: settings.host }, 'IMAP connection error'));
  const result: PollResult = { fetched: 0, accepted: 0, failed: 0 };
  try {
    await connect(client, settings);
    if (processedFolder && processedAction === 'move') await ensureFolder(client, processedFolder);
    const lock = await client.getMailboxLock(folder).catch((err: unknown) => {
      throw new Error(`IMAP folder ${folder} could not be opened: ${errorDetail(err)}`, { cause: err });
    });
    try {
      if (processedAction === 'flag') assertKeywordsAllowed(client, folder);
      const query: SearchObject =
        processedAction === 'flag' ? { unKeyword: PROCESSED_KEYWORD, deleted: false } : { deleted: false };
      const found = (await client.search(query, { uid: true })) || [];
      const uids = found.sort((a, b) => a - b).slice(0, opts.batchSize ?? 50);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        const raw = message ? message.source : undefined;
        if (!raw) continue; // expunged meanwhile by another client
        result.fetched++;
        try {
          await accept({ raw, uid, folder });
        } catch (err) {
          result.failed++;
          log.warn({ err, folder, uid }, 'IMAP message not accepted; it stays for the next poll');
          continue;
        }
        result.accepted++;
        if (processedFolder && processedAction === 'move') {
          await client.messageMove(String(uid), processedFolder, { uid: true });
        } else {
          await client.messageFlagsAdd(String(uid), ['\\Seen', PROCESSED_KEYWORD], { uid: true });
        }
      }
    } finally {
      lock.release();
    }
    return result;
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function connect(client: ImapFlow, settings: ImapSettings): Promise<void> {
  try {
    await client.connect();
  } catch (err) {
    const detail = errorDetail(err);
    const failedAuth = typeof err === 'object' && err !== null && 'authenticationFailed' in err;
    const what = failedAuth ? `sign-in as ${settings.user}` : 'connection';
    throw new Error(`IMAP ${what} to ${settings.host}:${settings.port} failed: ${detail}`, { cause: err });
  }
}

function errorDetail(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err);
  const response = 'response' in err && typeof err.response === 'string' ? err.response : null;
  const message = err instanceof Error ? err.message : String(err);
  return response ? `${message} (${response})` : message;
}

/** Flag mode relies on the keyword sticking; otherwise every poll would fetch the same messages. */
function assertKeywordsAllowed(client: ImapFlow, folder: string): void {
  const flags = client.mailbox ? client.mailbox.permanentFlags : undefined;
  if (flags && !flags.has('\\*') && !flags.has(PROCESSED_KEYWORD)) {
    throw new Error(`IMAP folder ${folder} does not keep custom keywords; use processedAction "move"`);
  }
}

/** Creates the folder unless the server already lists it. */
async function ensureFolder(client: ImapFlow, path: string): Promise<void> {
  const boxes = await client.list();
  if (!boxes.some((box) => box.path === path)) await client.mailboxCreate(path);
}
