import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './index';

/** Runs `steward <args>` in this process with these variables, and returns what it printed. */
async function steward(args: string[], env: Record<string, string | undefined>) {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  try {
    return { code: await runCli(args), out: out.join('\n') };
  } finally {
    log.mockRestore();
    process.env = saved;
  }
}

describe('steward create-admin', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const admin = (email: string) => ['create-admin', '--email', email, '--password', 'a-long-password-1'];

  it('says where to sign in: the address people use (PUBLIC_URL)', async () => {
    const { code, out } = await steward(admin('ada@example.com'), {
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://help.example.com/',
      PORT: '4321',
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(0);
    expect(out).toContain('Sign in at https://help.example.com/login');
  });

  it('without PUBLIC_URL, the port the server listens on (PORT)', async () => {
    const { code, out } = await steward(admin('bo@example.com'), {
      DATA_DIR: dataDir,
      PUBLIC_URL: undefined,
      PORT: '4321',
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(0);
    expect(out).toContain('Sign in at http://localhost:4321/login');
  });
});
