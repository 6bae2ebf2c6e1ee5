import { describe, expect, it } from 'vitest';
import { extractCampaignIds } from '../../../src/nlu/entities/campaign-ids.js';

describe('extractCampaignIds', () => {
  it.each([
    ['campaign 48213 has no clicks', ['48213']],
    ['Campaign ID: 48213', ['48213']],
    ['campaign id 48213', ['48213']],
    ['cid 48213', ['48213']],
    ['CID=48213', ['48213']],
    ['campaign #48213', ['48213']],
    ['campaigns 123 and 456', ['123', '456']],
    ['campaign 123, 456 & 789', ['123', '456', '789']],
  ])('finds %j', (text, expected) => {
    expect(extractCampaignIds(text)).toEqual(expected);
  });

  it.each([['ticket #1042'], ['1042'], ['my campaign is broken'], ['campaign budget 5'], ['T-48213'], ['']])(
    'finds none in %j',
    (text) => {
      expect(extractCampaignIds(text)).toEqual([]);
    },
  );
});
