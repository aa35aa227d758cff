import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

// The language of a text by its trigrams, against franc-min's published models, with the same
// answer franc-min gives (a property test holds them together), at a fraction of its cost
// (ADR 0032). franc scores a text against every language of its script by looking each of the
// text's trigrams up in each language's model: trigrams × languages lookups, about 0.4 ms for
// 400 characters of Latin script. Here each trigram is looked up once, in an index that lists the
// languages whose model has it, so the work is the text's trigrams times the few languages that
// share each one.

/** What a trigram missing from a language's model adds to that language's distance (franc's own). */
const MAX_DIFFERENCE = 300;

/** A script's languages, in franc's order, and for each trigram the (language, rank) pairs of the models that have it. */
interface ScriptIndex {
  languages: readonly string[];
  postings: ReadonlyMap<string, Int32Array>;
}

function indexOf(models: Readonly<Record<string, string>>): ScriptIndex {
  const languages = Object.keys(models);
  const lists = new Map<string, number[]>();
  languages.forEach((language, slot) => {
    const seen = new Set<string>();
    models[language]!.split('|').forEach((trigram, rank) => {
      // A trigram listed twice keeps its first rank, as franc's model does.
      if (seen.has(trigram)) return;
      seen.add(trigram);
      const list = lists.get(trigram) ?? [];
      if (list.length === 0) lists.set(trigram, list);
      list.push(slot, rank);
    });
  });
  return {
    languages,
    postings: new Map([...lists].map(([trigram, list]) => [trigram, Int32Array.from(list)])),
  };
}

const scripts = new Map(Object.entries(data).map(([script, models]) => [script, indexOf(models)]));
const scriptExpressions = Object.entries(expressions);

/** The script most of the text's characters are in (the first of equals), and its share: franc's choice. */
function topScript(text: string): { script: string | undefined; share: number } {
  let script: string | undefined;
  let share = -1;
  for (const [name, expression] of scriptExpressions) {
    const found = text.match(expression)?.length ?? 0;
    const ratio = found / text.length || 0;
    if (ratio > share) {
      share = ratio;
      script = name;
    }
  }
  return { script, share };
}

/** The text as franc-min reads it for trigrams: punctuation, symbols and digits as spaces, runs of spaces as one, lower case. */
const cleaned = (text: string) =>
  text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** How often each trigram occurs in the padded, cleaned text. */
function trigramCounts(text: string): Map<string, number> {
  const padded = ` ${cleaned(text)} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const trigram = padded.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/** The language of `index` closest to the counts: the first of equals in franc's order. */
function closest(index: ScriptIndex, counts: ReadonlyMap<string, number>): string {
  const distances = new Float64Array(index.languages.length).fill(counts.size * MAX_DIFFERENCE);
  for (const [trigram, count] of counts) {
    const postings = index.postings.get(trigram);
    if (!postings) continue;
    for (let i = 0; i < postings.length; i += 2) {
      // franc's difference: the trigram's count against its rank in the model, less one.
      const difference = Math.abs(count - postings[i + 1]! - 1);
      distances[postings[i]!]! += difference - MAX_DIFFERENCE;
    }
  }
  let best = 0;
  for (let i = 1; i < distances.length; i += 1) if (distances[i]! < distances[best]!) best = i;
  return index.languages[best]!;
}

/**
 * The ISO 639-3 code franc-min would answer for `text` with this minimum length: `und` when the
 * text is shorter or in no script it knows. Linear in the text's length; callers cap the length.
 */
export function trigramLanguage(text: string, minLength: number): string {
  if (!text || text.length < minLength) return 'und';
  const sample = text.slice(0, 2048);
  const { script, share } = topScript(sample);
  if (script === undefined) return 'und';
  const index = scripts.get(script);
  if (index) return closest(index, trigramCounts(sample));
  // A script with one language (Greek, Thai, Korean…) is that language.
  return share === 0 ? 'und' : script;
}
