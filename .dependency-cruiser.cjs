// The architecture as rules (docs/ARCHITECTURE.md, "Boundaries"). `npm run lint` and CI run them
// through scripts/boundaries.mjs, which also checks that modules form no cycle among themselves.
//
//   web → contracts ← server/modules → server/platform → server/db
//   server/app.ts, server/main.ts, server/cli, server/seed sit above the modules.

/** Test code may use the helpers (which build the whole app), whatever layer it sits in. */
const TESTS = '(\\.test\\.tsx?$|^test/|^bench/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-only-through-contracts',
      comment: 'The web app shares only the Zod contracts with the server; it never imports server code.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'contracts-import-nothing-above',
      comment: 'Contracts are the shared language of web and server: they import neither.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web|test|bench)/' },
    },
    {
      name: 'server-never-imports-web',
      comment: 'The server serves the built web app; it never imports its code.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^web/' },
    },
    {
      name: 'db-imports-nothing-above',
      comment:
        'server/db (Kysely, schema, migrations, statements) depends on nothing above it; config is a leaf.',
      severity: 'error',
      from: { path: '^server/db/', pathNot: TESTS },
      to: { path: '^(server/|contracts/)', pathNot: '^server/(db/|config\\.ts$)' },
    },
    {
      name: 'platform-never-imports-modules',
      comment: 'Platform pieces are shared by every module; modules plug into them, never the reverse.',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: TESTS },
      to: { path: '^server/(modules|seed|cli)/|^server/(app|main)\\.ts$' },
    },
    {
      name: 'modules-never-import-the-edges',
      comment: 'Modules are built by the registry; they do not import the app, the CLI, main or the seed.',
      severity: 'error',
      from: { path: '^server/modules/', pathNot: TESTS },
      to: { path: '^server/(seed|cli)/|^server/(app|main)\\.ts$' },
    },
    {
      name: 'modules-enter-through-index',
      comment:
        'A module reaches another module only through its front door, server/modules/<other>/index.ts.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/.',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-enters-modules-through-index',
      comment: 'The registry, app, CLI, seed, tests and bench use a module only through its index.ts.',
      severity: 'error',
      from: { pathNot: '^server/modules/[^/]+/' },
      to: { path: '^server/modules/[^/]+/.', pathNot: '^server/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-cycles',
      comment: 'No file imports itself back through others (scripts/boundaries.mjs also checks modules).',
      severity: 'error',
      from: { path: '^(server|contracts|web)/' },
      to: { circular: true },
    },
  ],
  options: {
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // The swc parser reads TypeScript without JSX: .tsx files are checked by scripts/boundaries.mjs.
    exclude: { path: ['(^|/)(node_modules|dist|data|\\.tmp)/', '\\.tsx$'] },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: {
      mermaid: { minify: false },
    },
  },
};
