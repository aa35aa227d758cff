import { trigramLanguage } from './routing.trigrams';

// A ticket's language from its text, as the two-letter code agents' languages use.

/** How much of the subject and first message the detector reads: enough to tell, cheap to run. */
export const DETECT_CHARS = 400;
/** Shorter text says too little to tell a language by. */
const MIN_CHARS = 20;

/** The ISO 639-3 codes franc-min returns, as ISO 639-1 (macro-language codes fold into theirs). */
const toIso1: Record<string, string> = {
  spa: 'es',
  eng: 'en',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  ckb: 'ku',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  nya: 'ny',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tha: 'th',
  ell: 'el',
  heb: 'he',
  ben: 'bn',
  tam: 'ta',
  tel: 'te',
  kan: 'kn',
  mal: 'ml',
  guj: 'gu',
  pan: 'pa',
  amh: 'am',
  kat: 'ka',
  hye: 'hy',
  khm: 'km',
  lao: 'lo',
  mya: 'my',
  sin: 'si',
  ori: 'or',
  dan: 'da',
  nob: 'no',
  fin: 'fi',
  slk: 'sk',
  slv: 'sl',
  lit: 'lt',
  lav: 'lv',
  est: 'et',
  cat: 'ca',
};

const names: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  pt: 'Portuguese',
  it: 'Italian',
  nl: 'Dutch',
  pl: 'Polish',
  sv: 'Swedish',
  da: 'Danish',
  no: 'Norwegian',
  fi: 'Finnish',
  cs: 'Czech',
  hu: 'Hungarian',
  ro: 'Romanian',
  tr: 'Turkish',
  ru: 'Russian',
  uk: 'Ukrainian',
  ar: 'Arabic',
  he: 'Hebrew',
  hi: 'Hindi',
  zh: 'Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  el: 'Greek',
  vi: 'Vietnamese',
  id: 'Indonesian',
  ms: 'Malay',
  th: 'Thai',
};

/** "German" for `de`; the code itself for a language without a name here. */
export const languageName = (code: string) => names[code] ?? code;

/**
 * The language of a ticket's text, or null when the text is too short or unclear. Reads at most
 * DETECT_CHARS characters: the trigram index is linear in its input (ADR 0032), and the cap keeps
 * it to tens of microseconds whatever a customer sends.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, DETECT_CHARS);
  if (sample.trim().length < MIN_CHARS) return null;
  return toIso1[trigramLanguage(sample, MIN_CHARS)] ?? null;
}
