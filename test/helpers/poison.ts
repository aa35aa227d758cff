/** Input that overflowed marked's stack or kept it busy for seconds, each about 100,000 characters. */
export const poisonousBodies: Record<string, string> = {
  'nested quotes': `${'>'.repeat(99_990)} deep`,
  'nested quotes with spaces': `${'> '.repeat(49_990)}deep`,
  'nested lists': Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'),
  'numbered lists in lists': Array.from({ length: 250 }, (_, i) => `${'1. '.repeat(i)}x`).join('\n'),
  dashes: '-'.repeat(100_000),
  'angle brackets': '<'.repeat(100_000),
  underscores: '_a'.repeat(50_000),
  asterisks: '*a'.repeat(50_000),
  'at signs': '@'.repeat(100_000),
  brackets: '['.repeat(100_000),
};
