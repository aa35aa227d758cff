import { seededRandom } from '../server/seed/random';
import { fill, followUps, topics } from '../server/seed/ticket-content';

/** Every case of every topic: ticket i's subject, opener and reply come from the same one. */
const cases = topics.flatMap((topic) => topic.cases);
const caseFor = (i: number) => cases[i % cases.length]!;

/** Words that make search realistic: a few very common ones, many rare ones. */
const rareWords = Array.from({ length: 5000 }, (_, i) => `item${i.toString(36)}x`);

export function textSource(seed: number) {
  const rnd = seededRandom(seed);
  return {
    rnd,
    subject(i: number) {
      return `${caseFor(i).subject} (${rnd.pick(rareWords)})`;
    },
    opener(i: number) {
      return `${fill(rnd.pick(caseFor(i).openers), { order: `SO-${i}`, day: '3rd' })} Reference ${rnd.pick(rareWords)}.`;
    },
    reply(i: number) {
      return fill(rnd.pick(caseFor(i).replies), { order: `SO-${i}`, day: '3rd' });
    },
    followUp() {
      return rnd.pick(followUps);
    },
  };
}

/** Queries for the search benchmark: a common word, a rare word, two words, a customer name, a prefix. */
export const searchQueries = [
  'order',
  'refund',
  'item1ax',
  'parcel delivered',
  'charged twice',
  'customer42',
  'invoi',
  'SO-123456',
];
