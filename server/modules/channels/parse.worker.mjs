// Worker-thread entry of the mail parsing pool: loads the TypeScript parser through tsx, so
// the same code runs here, under `npm start`, the CLI and the tests.
import { register } from 'tsx/esm/api';

register();
const { parseInbound } = await import('./mail-parse.ts');

/** @param {Uint8Array} raw */
export default function parse(raw) {
  return parseInbound(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
}
