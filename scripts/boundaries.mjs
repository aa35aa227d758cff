// The boundary check (docs/ARCHITECTURE.md, "Boundaries"): dependency-cruiser with the rules in
// .dependency-cruiser.cjs, plus two checks it cannot make itself:
//   - no-cycles between modules: server/modules/<a> → <b> → … → <a>, even when no single file cycles;
//   - web-only-through-contracts for .tsx files, which its swc parser does not read.
// Usage: node scripts/boundaries.mjs [paths…]   (default: the whole tree). Exits 1 on a violation.
// `--graph` writes the module picture into docs/ARCHITECTURE.md instead (npm run arch:graph);
// `--graph-check` fails when the committed picture is stale.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const DEFAULT_PATHS = ['server', 'contracts', 'web', 'test', 'bench'];
const bin = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs dependency-cruiser with the project config; answers its JSON result. */
export function cruise(paths, cwd = root) {
  const run = spawnSync(
    process.execPath,
    [bin, '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', ...paths],
    { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error) throw run.error;
  if (!run.stdout) throw new Error(`dependency-cruiser failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

const moduleOf = (file) => /^server\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/**
 * Edges between modules (a file of one importing a file of another), with one example each.
 * Tests are left out: a module's test may drive the modules around it, as test/ does.
 */
export function moduleGraph(result) {
  const edges = new Map();
  for (const m of result.modules) {
    const from = moduleOf(m.source);
    if (!from || /\.test\.tsx?$/.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${m.source} → ${d.resolved}`);
    }
  }
  return edges;
}

/** Cycles among modules: one per strongly connected group of more than one module. */
function moduleCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return groups;
}

function tsxFiles(dir) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((e) => (e.isFile() && e.name.endsWith('.tsx') ? [path.join(e.parentPath, e.name)] : []));
}

/** web-only-through-contracts for the .tsx files: a relative import that lands in server/. */
function tsxViolations(paths, cwd) {
  const found = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const files = abs.endsWith('.tsx') ? [abs] : tsxFiles(abs);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const target = path.relative(cwd, path.resolve(path.dirname(file), m[1]));
        if (target.startsWith('server/') || target === 'server')
          found.push({ rule: 'web-only-through-contracts', from: path.relative(cwd, file), to: target });
      }
    }
  }
  return found;
}

/** Every violation: dependency-cruiser's rules, module cycles and the .tsx check. */
export function violations(paths = DEFAULT_PATHS, cwd = root) {
  const result = cruise(paths, cwd);
  const found = result.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.cycle ? v.cycle.map((c) => c.name ?? c).join(' → ') : v.to,
  }));
  const edges = moduleGraph(result);
  for (const group of moduleCycles(edges)) {
    const examples = group.flatMap((a) =>
      group.filter((b) => edges.get(a)?.has(b)).map((b) => edges.get(a).get(b)),
    );
    found.push({ rule: 'no-cycles', from: `modules ${group.join(', ')}`, to: examples.join('; ') });
  }
  return [...found, ...tsxViolations(paths, cwd)];
}

const GRAPH_START = '<!-- graph:start -->';
const GRAPH_END = '<!-- graph:end -->';

/** The picture: dependency-cruiser's mermaid reporter, collapsed to layers and modules (tests left out). */
export function mermaidGraph() {
  const run = spawnSync(
    process.execPath,
    [
      bin,
      '--config',
      path.join(root, '.dependency-cruiser.cjs'),
      '--output-type',
      'mermaid',
      '--include-only',
      '^(server|contracts|web)/',
      '--exclude',
      '(\\.test\\.tsx?|\\.tsx)$|(^|/)node_modules/',
      '--collapse',
      '^(server/modules/[^/]+|server/(platform|db|seed|cli)|contracts|web)/|^server/[^/]+\\.ts$',
      'server',
      'contracts',
      'web',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`dependency-cruiser failed:\n${run.stderr}`);
  const body = run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
  return `${GRAPH_START}\n\n\`\`\`mermaid\n${body}\n\`\`\`\n\n${GRAPH_END}`;
}

function writeGraph(check) {
  const file = path.join(root, 'docs/ARCHITECTURE.md');
  const doc = fs.readFileSync(file, 'utf8');
  const start = doc.indexOf(GRAPH_START);
  const end = doc.indexOf(GRAPH_END);
  if (start < 0 || end < start) throw new Error(`docs/ARCHITECTURE.md has no ${GRAPH_START} … ${GRAPH_END}`);
  const next = doc.slice(0, start) + mermaidGraph() + doc.slice(end + GRAPH_END.length);
  if (check) {
    if (next !== doc) {
      console.error('docs/ARCHITECTURE.md: the module picture is stale; run `npm run arch:graph`.');
      return 1;
    }
    return 0;
  }
  fs.writeFileSync(file, next);
  return 0;
}

if (process.argv[1] === import.meta.filename) {
  const args = process.argv.slice(2);
  if (args[0] === '--graph' || args[0] === '--graph-check')
    process.exit(writeGraph(args[0] === '--graph-check'));
  const found = violations(args.length ? args : DEFAULT_PATHS);
  for (const v of found) console.error(`boundary ${v.rule}: ${v.from} → ${v.to}`);
  if (found.length) {
    console.error(`${found.length} boundary violation(s); the rules are in .dependency-cruiser.cjs.`);
    process.exit(1);
  }
  console.log('Boundaries hold.');
}
