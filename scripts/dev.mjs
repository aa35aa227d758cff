// `npm run dev`: the API restarted on every server change (tsx watch) and Vite's dev server with
// hot reload for the web app. Open http://localhost:5173; Vite forwards /api (and the live
// socket) to the API on PORT (default 3000). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();
const root = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '3000';
const env = { ...process.env, PORT: port, STEWARD_API_PORT: port };

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts'], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], { cwd: root, env, stdio: 'inherit' }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
