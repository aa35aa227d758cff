// Runs Biome (lint + format check), then the boundary check over the whole tree. Biome is installed on first use into .tmp/tools rather than
// as a devDependency: the registry lacks some of its platform packages, which makes `npm ci`
// refuse the lock file (docs/adr/0003-biome-outside-the-lock-file.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BIOME_VERSION = '2.6.8';
const root = path.resolve(import.meta.dirname, '..');
const tools = path.join(root, '.tmp/tools');
const bin = path.join(tools, 'node_modules/.bin/biome');
const stamp = path.join(tools, 'biome-version');

const installed =
  fs.existsSync(bin) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === BIOME_VERSION;
if (!installed) {
  fs.mkdirSync(tools, { recursive: true });
  const result = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      tools,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `@biomejs/biome@${BIOME_VERSION}`,
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, BIOME_VERSION);
}
const args = process.argv.slice(2);
const biomeArgs = args.length ? args : ['check', '.'];
const run = spawnSync(bin, biomeArgs, { cwd: root, stdio: 'inherit' });
// `check .` (npm run lint) and `ci .` (CI) also check the module boundaries (scripts/boundaries.mjs).
const wholeTree = ['check', 'ci'].includes(biomeArgs[0]) && biomeArgs.includes('.');
const boundaries = wholeTree
  ? spawnSync(process.execPath, [path.join(root, 'scripts/boundaries.mjs')], { cwd: root, stdio: 'inherit' })
  : { status: 0 };
process.exit(run.status || boundaries.status || 0);
