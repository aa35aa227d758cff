import fs from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression in the server and the contracts may meet text from strangers
 * (mail, the portal, the contact form, API bodies), so each must match in linear time.
 * recheck decides that for each literal; a pattern it calls vulnerable, or cannot decide,
 * fails here with its file and line. `server/db` builds SQL from our own code only.
 */
const roots = ['server/modules', 'server/platform', 'server/cli', 'contracts'];
const root = path.resolve(import.meta.dirname, '../..');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts')) yield full;
  }
}

interface Literal {
  pattern: string;
  flags: string;
  where: string;
}

function literalsIn(file: string): Literal[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: Literal[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; regex?: { pattern: string; flags: string }; start?: number };
    if (n.type === 'Literal' && n.regex) {
      const line = source.slice(0, n.start ?? 0).split('\n').length;
      found.push({ ...n.regex, where: `${path.relative(root, file)}:${line}` });
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(parseAst(source, { lang: 'ts' }));
  return found;
}

describe('regular expressions', () => {
  const literals = roots.flatMap((dir) => [...sourceFiles(path.join(root, dir))].flatMap(literalsIn));

  it('are found in the source', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it('all match in linear time', { timeout: 240_000 }, () => {
    const unsafe = literals
      .map((r) => ({ ...r, result: checkSync(r.pattern, r.flags, { timeout: 5_000 }) }))
      .filter((r) => r.result.status !== 'safe')
      .map((r) => `${r.where} /${r.pattern}/${r.flags}: ${r.result.status}`);
    expect(unsafe).toEqual([]);
  });

  it('the check itself tells a backtracking pattern from a linear one', () => {
    expect(checkSync('^(a+)+$', '').status).toBe('vulnerable');
    expect(checkSync('\\s*\\[#\\d{1,9}\\]\\s*', 'g').status).toBe('vulnerable');
    expect(checkSync('^\\[#\\d+\\]$', '').status).toBe('safe');
  });
});
