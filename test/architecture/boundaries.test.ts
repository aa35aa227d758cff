import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const modules = path.join(root, 'server/modules');

/** Runs the boundary check (scripts/boundaries.mjs) on some files; answers its exit code and report. */
function check(files: string[]) {
  const run = spawnSync(process.execPath, ['scripts/boundaries.mjs', ...files], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, report: run.stderr + run.stdout };
}

/** Writes scratch files into the tree (under names that say they are temporary), runs `body`, removes them. */
function withScratch(files: Record<string, string>, body: (paths: string[]) => void) {
  const written: string[] = [];
  try {
    for (const [relative, source] of Object.entries(files)) {
      const file = path.join(root, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      written.push(file);
      fs.writeFileSync(file, source);
    }
    body(Object.keys(files));
  } finally {
    for (const file of written) {
      fs.rmSync(file, { force: true });
      const dir = path.dirname(file);
      if (dir !== modules && fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
    }
  }
}

// Each check reads the whole tree in a child process: time limits for a busy machine.
describe('module boundaries', { timeout: 120_000 }, () => {
  it('hold in the tree as it is', () => {
    const { status, report } = check([]);
    expect(report).toContain('Boundaries hold.');
    expect(status).toBe(0);
  });

  it('refuse a module that reaches into another module’s repository', () => {
    const probe = `server/modules/tickets/tmp-boundary-probe-${process.pid}.ts`;
    withScratch(
      {
        [probe]: `import { customersRepository } from '../customers/customers.repository';\nexport const probe = customersRepository;\n`,
      },
      (paths) => {
        const { status, report } = check(paths);
        expect(status).toBe(1);
        expect(report).toMatch(
          /boundary modules-enter-through-index: server\/modules\/tickets\/tmp-boundary-probe-\d+\.ts → server\/modules\/customers\/customers\.repository\.ts/,
        );
      },
    );
    expect(fs.existsSync(path.join(root, probe))).toBe(false);
  });

  it('refuse two modules that import each other', () => {
    const a = `tmp-probe-a-${process.pid}`;
    const b = `tmp-probe-b-${process.pid}`;
    withScratch(
      {
        [`server/modules/${a}/index.ts`]: `import { b } from '../${b}';\nexport const a = () => b;\n`,
        [`server/modules/${b}/index.ts`]: `import { a } from '../${a}';\nexport const b = () => a;\n`,
      },
      (paths) => {
        const { status, report } = check(paths);
        expect(status).toBe(1);
        expect(report).toContain(`boundary no-cycles: modules ${a}, ${b}`);
        expect(report).toMatch(new RegExp(`boundary no-cycles: server/modules/${a}/index\\.ts`));
      },
    );
    expect(fs.existsSync(path.join(modules, a))).toBe(false);
    expect(fs.existsSync(path.join(modules, b))).toBe(false);
  });
});

describe('the module picture in docs/ARCHITECTURE.md', () => {
  it('is what `npm run arch:graph` writes from the code', () => {
    const run = spawnSync(process.execPath, ['scripts/boundaries.mjs', '--graph-check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
