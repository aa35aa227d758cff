// Worker-thread entry of the mail parsing pool: loads the TypeScript parser through tsx, so
// the same code runs here, under `npm start`, the CLI and the tests.
import { register } from 'tsx/esm/api';

register();
const { parseInbound } = await import('./parse.ts');

/**
 * Parses a batch of raw mails; one that cannot be parsed answers its error, the others still
 * parse. A batch crosses the thread boundary once, not once per mail.
 * @param {Uint8Array[]} raws
 */
export default function parse(raws) {
  return Promise.all(
    raws.map((raw) =>
      parseInbound(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)).then(
        (mail) => ({ mail }),
        (error) => ({ error: error instanceof Error ? error.message : String(error) }),
      ),
    ),
  );
}
