/**
 * Sender authentication as the receiving mail server judged it: the SPF, DKIM and DMARC results
 * of its `Authentication-Results` headers (RFC 8601).
 *
 * Which headers count: only those above the first `Received` header. Each server a mail passes
 * adds its `Received` line on top, so whatever sits above the first one was added by the last
 * hop, the server that handed the mail to us; headers further down came with the mail and may
 * be the sender's own inventions. A result can only take trust away (a DMARC failure marks the
 * mail suspicious); a "pass" never grants anything, so a forged pass gains a sender nothing.
 *
 * Parsing is linear: comments are dropped in one pass, the rest is split on `;` and whitespace,
 * and `method=result` tokens are read with indexOf, never with a backtracking pattern.
 */

export const authMethods = ['spf', 'dkim', 'dmarc'] as const;
export type AuthMethod = (typeof authMethods)[number];

export interface SenderAuthentication {
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
  /** DMARC failed for the From domain: the mail may not be from who it says. */
  suspicious: boolean;
}

/** Enough for every real header; anything longer is cut before parsing. */
const MAX_HEADER = 8_000;
const MAX_HEADERS = 10;

const RESULT_WORDS = new Set([
  'none',
  'pass',
  'fail',
  'softfail',
  'hardfail',
  'neutral',
  'temperror',
  'permerror',
  'policy',
]);

/** The text without RFC 5322 comments (parentheses, nested, with quoted pairs) and quotes kept as is. */
function withoutComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      if (depth === 0) out += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      out += c;
    } else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

interface ResultToken {
  method: string;
  result: string;
  properties: Map<string, string>;
}

/** One `method=result ptype.property=value …` statement, or null when it is not one. */
function readStatement(statement: string): ResultToken | null {
  const words = statement.split(/\s+/).filter((w) => w.length > 0);
  const first = words[0];
  if (!first) return null;
  const eq = first.indexOf('=');
  if (eq <= 0) return null;
  const method = first.slice(0, eq).split('/')[0]!.toLowerCase();
  const result = first.slice(eq + 1).toLowerCase();
  if (!RESULT_WORDS.has(result)) return null;
  const properties = new Map<string, string>();
  for (const word of words.slice(1)) {
    const at = word.indexOf('=');
    if (at > 0) properties.set(word.slice(0, at).toLowerCase(), word.slice(at + 1).replaceAll('"', ''));
  }
  return { method, result, properties };
}

/** The results one Authentication-Results value states (its first part, the server's id, is skipped). */
export function parseAuthenticationResults(value: string): ResultToken[] {
  const statements = withoutComments(value.slice(0, MAX_HEADER)).split(';').slice(1);
  return statements.map(readStatement).filter((r): r is ResultToken => r !== null);
}

/** The values of the Authentication-Results headers above the first Received header, top first. */
export function trustedAuthHeaders(headerLines: readonly { key: string; line: string }[]): string[] {
  const out: string[] = [];
  for (const { key, line } of headerLines) {
    const name = key.toLowerCase();
    if (name === 'received') break;
    if (name !== 'authentication-results') continue;
    const colon = line.indexOf(':');
    out.push(line.slice(colon + 1).replace(/\r?\n[ \t]/g, ' '));
    if (out.length === MAX_HEADERS) break;
  }
  return out;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The combined verdict: DKIM passes if any signature passed; SPF is the first result given;
 * DMARC fails when any result for the From domain failed. Null when no header says anything.
 */
export function senderAuthentication(
  headerLines: readonly { key: string; line: string }[],
  fromAddress: string,
): SenderAuthentication | null {
  const results = trustedAuthHeaders(headerLines).flatMap(parseAuthenticationResults);
  const fromDomain = domainOf(fromAddress);
  const of = (method: AuthMethod) => results.filter((r) => r.method === method);
  const spf = of('spf')[0]?.result ?? null;
  const dkims = of('dkim');
  const dkim = dkims.find((r) => r.result === 'pass')?.result ?? dkims[0]?.result ?? null;
  const dmarcs = of('dmarc').filter((r) => {
    const domain = r.properties.get('header.from');
    return domain === undefined || domain.toLowerCase() === fromDomain;
  });
  const failed = dmarcs.some((r) => r.result === 'fail');
  const dmarc = failed ? 'fail' : (dmarcs[0]?.result ?? null);
  if (spf === null && dkim === null && dmarc === null) return null;
  return { spf, dkim, dmarc, suspicious: failed };
}
