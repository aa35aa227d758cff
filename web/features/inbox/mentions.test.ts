import { describe, expect, it } from 'vitest';
import { mentionRank, rankMentions } from './mentions';

const person = (name: string, handle: string) => ({ name, email: `${handle}@steward.example` });
const rosa = person('Rosa Moreau', 'rosa.moreau');
const morgan = person('Morgan Reyes', 'morgan');
const amara = person('Amara Adeyemi', 'amara.adeyemi');
const elmo = person('Elmo Hart', 'elmo.hart');
const moritz = person('Moritz Berger', 'moritz.berger');
const alex = person('Alex Admin', 'admin');

const names = (people: { name: string }[]) => people.map((p) => p.name);

describe('ranking @mentions', () => {
  it('puts a first-name match before a last-name match', () => {
    expect(names(rankMentions([rosa, morgan], 'Mor'))).toEqual(['Morgan Reyes', 'Rosa Moreau']);
  });

  it('ranks first name, then another word of the name or handle, then anywhere', () => {
    expect(mentionRank(morgan, 'mor')).toBe(0);
    expect(mentionRank(rosa, 'mor')).toBe(1);
    expect(mentionRank(alex, 'adm')).toBe(1);
    expect(mentionRank(elmo, 'mo')).toBe(2);
    expect(mentionRank(amara, 'mor')).toBeNull();
    expect(names(rankMentions([elmo, rosa, amara, morgan], 'mo'))).toEqual([
      'Morgan Reyes',
      'Rosa Moreau',
      'Elmo Hart',
    ]);
  });

  it('orders equal matches by name, ignores case, and keeps the list short', () => {
    expect(names(rankMentions([morgan, moritz, rosa], 'MOR'))).toEqual([
      'Morgan Reyes',
      'Moritz Berger',
      'Rosa Moreau',
    ]);
    const many = Array.from({ length: 10 }, (_, i) => person(`Mo ${String.fromCharCode(74 - i)}`, `mo${i}`));
    expect(names(rankMentions(many, 'mo', 3))).toEqual(['Mo A', 'Mo B', 'Mo C']);
  });

  it('offers everyone, by name, before a letter is typed', () => {
    expect(names(rankMentions([rosa, morgan, amara], ''))).toEqual([
      'Amara Adeyemi',
      'Morgan Reyes',
      'Rosa Moreau',
    ]);
  });
});
