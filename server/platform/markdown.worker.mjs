// Worker-thread entry of the Markdown rendering pool (see markdown-async.ts).
import { register } from 'tsx/esm/api';

register();
const { renderMarkdown } = await import('./markdown.ts');

/** @param {string} text */
export default function render(text) {
  return renderMarkdown(text);
}
