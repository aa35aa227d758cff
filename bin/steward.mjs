#!/usr/bin/env node
// The Steward command line: `npx steward help`.
import { register } from 'tsx/esm/api';
import { assertNodeVersion } from '../scripts/node-version.mjs';

assertNodeVersion();
register();
const { runCli } = await import('../server/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
