import { escapeHtml, renderMarkdown } from './markdown';
import { workerPool } from './worker-pool';

/** Text up to this size renders in place: its cost is bounded and smaller than a thread hop. */
const INLINE_LIMIT = 4 * 1024;

const renderers = workerPool<string, string>(new URL('./markdown.worker.mjs', import.meta.url), {
  timeoutMs: 10_000,
  maxHeapMb: 256,
});

/**
 * Markdown to safe HTML, with long text rendered in a worker thread so that no message body
 * holds up other requests. Call it before a transaction opens, never inside one.
 */
export function renderMarkdownOffThread(text: string): Promise<string> {
  if (text.length <= INLINE_LIMIT) return Promise.resolve(renderMarkdown(text));
  // A render that fails or runs out of time still leaves the text readable, as plain text.
  return renderers.run(text).catch(() => plainHtml(text));
}

function plainHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).split('\n').join('<br />')}</p>`)
    .join('\n');
}
