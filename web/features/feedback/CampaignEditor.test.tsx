import { describe, expect, it } from 'vitest';
import { segmentInWords } from './CampaignEditor';

describe('a campaign segment in words', () => {
  const names = new Map([
    [1, 'Acme'],
    [2, 'Globex'],
    [3, 'Initech'],
  ]);
  const name = (id: number) => names.get(id) ?? `#${id}`;

  it('says "every customer" when nothing narrows it', () => {
    expect(segmentInWords({ organizationIds: [], tags: [], plans: [], activeDays: null }, name)).toBe(
      'Every customer with an email address.',
    );
  });

  it('reads every part, with "or" inside a part', () => {
    expect(
      segmentInWords(
        { organizationIds: [1, 2, 3], tags: ['vip'], plans: ['Gold', 'Platinum'], activeDays: 90 },
        name,
      ),
    ).toBe(
      'Every customer with an email address, at Acme, Globex or Initech, tagged vip, whose organisation has a running Gold or Platinum contract, who opened a ticket in the last 90 days.',
    );
  });
});
