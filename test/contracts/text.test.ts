import { describe, expect, it } from 'vitest';
import { emailAddress, initialsOf, lineText, proseText } from '../../contracts/text';

describe('initialsOf', () => {
  it.each([
    ['Ann Lee', 'AL'],
    ['Anna Maria Lee', 'AL'],
    ['single', 'S'],
    ['😀 Smile', '😀S'],
    ['👩‍💻 Dev Team', '👩‍💻T'],
    ['🇳🇴 Nordmann', '🇳🇴N'],
    ['e\u0301mile zola', 'E\u0301Z'],
    ['\u200b Zoë', 'Z'],
    ['', '?'],
    ['   ', '?'],
  ])('%j gives %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('never leaves half of a surrogate pair', () => {
    for (const name of ['😀😀 🎉x', '𝒜lice 𝐁ob', '🧑🏽‍🚀 Astro Naut']) {
      expect(initialsOf(name), name).not.toMatch(/\p{Surrogate}/u);
    }
  });
});

describe('text schemas', () => {
  it('lineText trims and keeps visible text in any script', () => {
    expect(lineText(80).parse('  محمد 👩‍💻 ')).toBe('محمد 👩‍💻');
  });

  it('proseText keeps tabs and line breaks', () => {
    expect(proseText(100).parse('a\r\n\tb')).toBe('a\r\n\tb');
    expect(proseText(100).safeParse('a\u0000b').success).toBe(false);
  });

  it('emailAddress trims and lower-cases before checking', () => {
    expect(emailAddress.parse(' Ann@Example.COM ')).toBe('ann@example.com');
    expect(emailAddress.safeParse(`${'a'.repeat(250)}@example.com`).success).toBe(false);
  });
});
