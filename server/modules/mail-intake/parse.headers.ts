/** Reading the header block of a raw message without parsing the whole of it. */

/** Where the header block ends: the first empty line (LF or CRLF), found in one pass. */
export function headerEnd(raw: Buffer): { head: number; body: number } {
  for (let i = 0; i < raw.length; i += 1) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return { head: i, body: i + 2 };
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return { head: i, body: i + 3 };
  }
  return { head: raw.length, body: raw.length };
}

/** Unfolded header lines of a block, in order: `[lower-case name, value]`. */
export function headerLines(block: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of block.split('\n')) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if ((text.startsWith(' ') || text.startsWith('\t')) && out.length > 0) {
      out[out.length - 1]![1] += ` ${text.trim()}`;
      continue;
    }
    const colon = text.indexOf(':');
    if (colon > 0) out.push([text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).trim()]);
  }
  return out;
}
