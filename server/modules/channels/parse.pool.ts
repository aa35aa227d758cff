import os from 'node:os';
import { Piscina } from 'piscina';
import type { ParsedInbound } from './mail-parse';

/** The most one mail may take to parse before it is given up as failed. */
const PARSE_TIMEOUT_MS = 30_000;

let pool: Piscina | null = null;

function parsers(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./parse.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    idleTimeout: 15_000,
    // A hostile mail can cost the parser memory, never the server its own.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return pool;
}

/**
 * Parses received mail in worker threads: the MIME walk, charset repair, HTML sanitising and
 * quote folding of a large or hostile mail never hold up HTTP requests on the main thread.
 * A parse that takes longer than PARSE_TIMEOUT_MS ends its thread and fails that mail alone.
 */
export function parseOffThread(raw: Buffer): Promise<ParsedInbound> {
  return parsers().run(raw, { signal: AbortSignal.timeout(PARSE_TIMEOUT_MS) }) as Promise<ParsedInbound>;
}

/** Ends the parser threads (at shutdown). */
export async function closeParsers(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}
