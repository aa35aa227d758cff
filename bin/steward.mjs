#!/usr/bin/env node
// The Steward command line: `npx steward help`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
