// Serves the already-built web app and the API (no build step): used by `npm start` and browser tests.
import { register } from 'tsx/esm/api';
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();
register();
await import('../server/main.ts');
