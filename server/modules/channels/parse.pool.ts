import { workerPool } from '../../platform/worker-pool';
import type { ParsedInbound } from './mail-parse';

const parsers = workerPool<Buffer, ParsedInbound>(new URL('./parse.worker.mjs', import.meta.url), {
  timeoutMs: 30_000,
  maxHeapMb: 512,
});

/**
 * Parses received mail in worker threads: the MIME walk, charset repair, HTML sanitising and
 * quote folding of a large or hostile mail never hold up HTTP requests on the main thread.
 * A parse that takes longer than 30 s ends its thread and fails that mail alone.
 */
export const parseOffThread = (raw: Buffer): Promise<ParsedInbound> => parsers.run(raw);
