import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('the Node flags the server runs with (ADR 0034)', () => {
  it('npm start passes the same flags as the list the benches and browser tests use', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const words = pkg.scripts.start.split(/\s+/);
    expect(words[0]).toBe('node');
    expect(words.slice(1, -1)).toEqual(SERVER_NODE_FLAGS);
    expect(words.at(-1)).toBe('scripts/start.mjs');
  });

  it('gives a process started with them a larger young generation than the default', () => {
    const newSpace = (flags: readonly string[]) => {
      const probe = spawnSync(
        process.execPath,
        [
          ...flags,
          '-e',
          // Allocation pressure with survivors, so the young generation grows to its limit.
          `let kept = []; for (let i = 0; i < 4e6; i += 1) { kept.push({ i }); if (kept.length > 2e5) kept = []; }
           const space = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
           process.stdout.write(String(space.space_size));`,
        ],
        { encoding: 'utf8' },
      );
      expect(probe.status).toBe(0);
      return Number(probe.stdout);
    };
    expect(newSpace(SERVER_NODE_FLAGS)).toBeGreaterThan(newSpace([]));
  });
});
