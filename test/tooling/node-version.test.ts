import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, SUPPORTED_NODE } from '../../scripts/node-version.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('the Node versions Steward runs on', () => {
  it('package.json says the same range the entries check', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });

  it('accepts 20.19+, 22.12+ and anything newer, and runs on this machine', () => {
    for (const version of ['20.19.0', '20.20.2', '22.12.0', '23.0.0', '24.3.1', 'v26.1.0']) {
      expect(nodeVersionProblem(version)).toBeNull();
    }
    expect(nodeVersionProblem(process.versions.node)).toBeNull();
  });

  it('refuses older versions with a message that says what to install', () => {
    for (const version of ['18.20.4', '20.0.0', '20.18.3', '21.7.3', '22.11.0']) {
      expect(nodeVersionProblem(version)).toBe(
        `Steward needs Node.js 20.19 or newer (22.12 or newer on the 22 line); this is Node.js ${version}. Install a current LTS from https://nodejs.org/ and try again.`,
      );
    }
  });

  it('the dependencies that declare node >= 22 load on this Node (they are ES modules CommonJS requires)', () => {
    const result = spawnSync(
      process.execPath,
      ['-e', "require('@fastify/cookie'); require('@fastify/static'); require('light-my-request')"],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
