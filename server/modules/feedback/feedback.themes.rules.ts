import { THEME_RULE_LIMITS } from '../../../contracts/feedback-loop';

/** Only the first characters of a comment are matched against theme rules. */
export const THEME_MAX_CHARS = 4000;

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || // 0-9
  (code >= 97 && code <= 122) || // a-z
  code === 39 || // '
  code > 127; // letters outside ASCII (accents, other scripts)

/**
 * The lower-case words of a text, in order, in one pass over its characters (no regular
 * expression): letters, digits and apostrophes make words, everything else separates them.
 */
export function wordsOf(text: string, maxChars = THEME_MAX_CHARS): string[] {
  const lower = text.slice(0, maxChars).toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i += 1) {
    const inWord = i < lower.length && isWordChar(lower.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/** A rule's phrase as it is stored and matched: its words, lower case, one space apart. */
export const normalisePhrase = (phrase: string) => wordsOf(phrase, THEME_RULE_LIMITS.phraseLength).join(' ');

export interface ThemeRuleInput {
  themeId: number;
  phrases: readonly string[];
}

/** Rules compiled once into a map from phrase to themes, and the longest phrase in words. */
export interface CompiledThemeRules {
  byPhrase: Map<string, number[]>;
  longest: number;
}

export function compileThemeRules(rules: readonly ThemeRuleInput[]): CompiledThemeRules {
  const byPhrase = new Map<string, number[]>();
  let longest = 0;
  for (const rule of rules)
    for (const raw of rule.phrases) {
      const phrase = normalisePhrase(raw);
      if (phrase === '') continue;
      const words = phrase.split(' ').length;
      if (words > THEME_RULE_LIMITS.wordsPerPhrase) continue;
      longest = Math.max(longest, words);
      const themes = byPhrase.get(phrase) ?? [];
      if (!themes.includes(rule.themeId)) themes.push(rule.themeId);
      byPhrase.set(phrase, themes);
    }
  return { byPhrase, longest };
}

/**
 * The themes whose phrases occur in a text as whole words, ignoring case. Each word position
 * looks up at most `longest` (≤ 5) word sequences in the map: linear in the text's length, with
 * no pattern from users ever compiled.
 */
export function matchThemes(text: string, compiled: CompiledThemeRules): number[] {
  if (compiled.byPhrase.size === 0) return [];
  const words = wordsOf(text);
  const found = new Set<number>();
  for (let i = 0; i < words.length; i += 1) {
    let key = '';
    for (let n = 0; n < compiled.longest && i + n < words.length; n += 1) {
      key = n === 0 ? words[i]! : `${key} ${words[i + n]}`;
      for (const theme of compiled.byPhrase.get(key) ?? []) found.add(theme);
    }
  }
  return [...found].sort((a, b) => a - b);
}
