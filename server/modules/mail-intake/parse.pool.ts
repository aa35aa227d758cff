import { workerPool } from '../../platform/worker-pool';
import type { ParsedInbound } from './parse';

/** A mail parsed, or why it could not be. */
export type ParseOutcome = { mail: ParsedInbound } | { error: string };

const parsers = workerPool<Buffer[], ParseOutcome[]>(new URL('./parse.worker.mjs', import.meta.url), {
  timeoutMs: 30_000,
  maxHeapMb: 512,
});

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Parses received mail in worker threads: the MIME walk, charset repair, HTML sanitising and
 * quote folding of a large or hostile mail never hold up HTTP requests on the main thread.
 * A batch goes to a thread in one message. When a batch takes longer than 30 s or ends its
 * thread, each of its mails is parsed again on its own, so only the guilty one fails.
 */
export async function parseOffThread(raws: Buffer[]): Promise<ParseOutcome[]> {
  if (raws.length === 0) return [];
  try {
    return await parsers.run(raws);
  } catch (error) {
    if (raws.length === 1) return [{ error: reason(error) }];
    return Promise.all(
      raws.map((raw) =>
        parsers.run([raw]).then(
          (one) => one[0]!,
          (e: unknown) => ({ error: reason(e) }),
        ),
      ),
    );
  }
}
