import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type FetchMessageObject, ImapFlow } from 'imapflow';
import { dovecotPath, dovecotStatus, missingLine } from './tiers';

export interface TestImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  append(raw: string | Buffer, folder?: string): Promise<void>;
  list(folder: string): Promise<{ uid: number; flags: string[] }[]>;
  stop(): Promise<void>;
}

/**
 * Starts a private dovecot for one test file: its own config, state, maildir and log in a temp
 * dir, plain-text sign-in on 127.0.0.1 and a free port. The system-wide dovecot is not touched.
 */
export async function startDovecot(): Promise<TestImapServer> {
  const dovecot = dovecotStatus();
  if (!dovecot.available) throw new Error(missingLine(dovecot));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-dovecot-'));
  fs.chmodSync(dir, 0o755); // the unprivileged dovecot processes must reach the maildir and users file
  const port = await freePort();
  const user = 'support@example.test';
  const password = 'imap-test-password';
  const accounts = processAccounts();
  const mailDir = path.join(dir, 'mail');
  fs.mkdirSync(mailDir);
  fs.chownSync(mailDir, accounts.mail.uid, accounts.mail.gid);
  fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(conf, config(dir, port, accounts));

  const child = spawn(dovecotPath(), ['-F', '-c', conf], { detached: true, stdio: 'ignore' });
  const killGroup = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  // A test file that dies without stop() must not leave dovecot running.
  const onExit = () => {
    killGroup();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const logFile = path.join(dir, 'dovecot.log');

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM'); // the master and its children share the group
      const timer = setTimeout(killGroup, 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForPort(port, child, logFile);
  } catch (err) {
    await stop();
    throw err;
  }

  const withClient = async <T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    stop,
    append: (raw, folder = 'INBOX') =>
      withClient(async (client) => {
        if (folder !== 'INBOX') await client.mailboxCreate(folder);
        await client.append(folder, raw);
      }),
    list: (folder) =>
      withClient(async (client) => {
        const boxes = await client.list();
        if (!boxes.some((box) => box.path === folder)) return [];
        const lock = await client.getMailboxLock(folder, { readOnly: true });
        try {
          if (!client.mailbox || client.mailbox.exists === 0) return [];
          const messages = await client.fetchAll('1:*', { uid: true, flags: true });
          // \Recent belongs to the session, not the message.
          const flags = (m: FetchMessageObject) =>
            [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort();
          return messages.map((m) => ({ uid: m.uid, flags: flags(m) }));
        } finally {
          lock.release();
        }
      }),
  };
}

interface Accounts {
  login: string;
  internal: string;
  internalGroup: string;
  mail: { uid: number; gid: number };
}

/**
 * Dovecot's login and internal processes refuse to run as root, so as root they use Debian's
 * `dovenull` and `dovecot` users and mail belongs to `dovecot`. A non-root run uses itself.
 */
function processAccounts(): Accounts {
  const id = (...args: string[]) => execFileSync('id', args, { encoding: 'utf8' }).trim();
  if (process.getuid?.() !== 0) {
    const me = os.userInfo();
    return { login: me.username, internal: me.username, internalGroup: id('-gn'), mail: me };
  }
  const mail = { uid: Number(id('-u', 'dovecot')), gid: Number(id('-g', 'dovecot')) };
  return { login: 'dovenull', internal: 'dovecot', internalGroup: 'dovecot', mail };
}

function config(dir: string, port: number, accounts: Accounts): string {
  return `# private test instance, written by test/helpers/dovecot.ts
instance_name = steward-test-${path.basename(dir)}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${accounts.login}
default_internal_user = ${accounts.internal}
default_internal_group = ${accounts.internalGroup}
first_valid_uid = ${Math.min(accounts.mail.uid, 500)}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${accounts.mail.uid} gid=${accounts.mail.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  const failure = (why: string) => {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '(no log)';
    return new Error(`test dovecot ${why}. Its log:\n${log}`);
  };
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw failure(`exited (${child.exitCode})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw failure(`did not listen on 127.0.0.1:${port} within 10 s`);
}
