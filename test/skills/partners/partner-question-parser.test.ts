import { describe, expect, it } from 'vitest';
import { createPartnerLexicon } from '../../../src/skills/partners/partner-lexicon.js';
import { createPartnerNameIndex } from '../../../src/skills/partners/partner-name-index.js';
import { parsePartnerQuestion } from '../../../src/skills/partners/partner-question-parser.js';

const ctx = {
  now: new Date('2026-06-15T12:00:00Z'),
  lexicon: createPartnerLexicon({
    groups: ['Premium', 'Loyalty', 'Top coupon sites'],
    managers: ['Dana Whitfield', 'Marcus Lee'],
    contractNames: ['Standard 8% CPS'],
    businessModels: ['coupon', 'loyalty', 'email', 'creator'],
    promotionalAreas: ['Travel', 'Outdoor'],
  }),
  names: createPartnerNameIndex(
    [
      'Northwind Deals',
      'Northwind Outlet',
      'CouponCave',
      'Bright Bargains',
      'Coupon Kings',
      'Spark Hub Today',
    ].map((name, i) => ({
      id: `row${i}`,
      partnerId: String(100 + i),
      name,
    })),
  ),
};
const parse = (text: string) => parsePartnerQuestion(text, ctx);

describe('partner question parser', () => {
  it('reads one partner by exact name, ID, website or e-mail, with the facts asked', () => {
    expect(parse('who manages Northwind Deals and when did they join?')).toEqual({
      kind: 'one',
      ref: { by: 'name', value: 'Northwind Deals', rowIds: ['row0'] },
      fields: ['accountManager', 'joinedAt'],
    });
    expect(parse('status of partner #100234')).toMatchObject({ ref: { by: 'partnerId', value: '100234' } });
    expect(parse('when did https://www.CouponCave.com/deals join')).toMatchObject({
      ref: { by: 'domain', value: 'couponcave.com' },
      fields: ['joinedAt'],
    });
    expect(parse('who is ana@brightbargains.co.uk')).toMatchObject({ ref: { by: 'email' }, fields: [] });
  });

  it('reads every partner ID asked about, each once, with the facts asked', () => {
    expect(parse('who manages partner 100481 and 100234?')).toEqual({
      kind: 'several',
      refs: [
        { by: 'partnerId', value: '100481' },
        { by: 'partnerId', value: '100234' },
      ],
      fields: ['accountManager'],
    });
    expect(parse('status of #100481, #100481')).toMatchObject({
      kind: 'one',
      ref: { by: 'partnerId', value: '100481' },
    });
    expect(parse('who manages partner 000100234 and 100234')).toMatchObject({
      kind: 'one',
      ref: { by: 'partnerId', value: '000100234' },
    });
  });

  it('keeps a name that contains a filter word whole ("Coupon Kings"), and reads the rest around it', () => {
    expect(parse('is Coupon Kings active?')).toMatchObject({
      ref: { rowIds: ['row4'] },
      fields: ['contractStatus'],
    });
    expect(parse('coupon partners')).toEqual({
      kind: 'list',
      filter: { businessModel: ['coupon'] },
      sort: 'name',
    });
    // A time word inside a name is part of the name, not a join period.
    expect(parse('who manages Spark Hub Today?')).toEqual({
      kind: 'one',
      ref: { by: 'name', value: 'Spark Hub Today', rowIds: ['row5'] },
      fields: ['accountManager'],
    });
  });

  it('sends unknown words to fuzzy name matching when one partner is asked about', () => {
    expect(parse('Nortwind Deals contract status')).toEqual({
      kind: 'one',
      ref: { by: 'name', value: 'Nortwind Deals', rowIds: [] },
      fields: ['contractStatus'],
    });
  });

  it('reads filters: group vs business model, audience vs base country, unassigned, reach, periods', () => {
    expect(parse('loyalty partners in the Loyalty group')).toMatchObject({
      filter: { businessModel: ['loyalty'], group: ['Loyalty'] },
    });
    expect(parse('partners in Canada with a German audience')).toMatchObject({
      filter: { country: ['CA'], audienceCountry: ['DE'] },
    });
    expect(parse('unassigned partners with over 50k followers')).toMatchObject({
      filter: { manager: [null], reach: { min: 50_000 } },
    });
    expect(parse('new partners this month')).toEqual({
      kind: 'list',
      filter: { joined: { from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' } },
      sort: 'joined-newest',
    });
    expect(parse('new partners')).toMatchObject({ filter: { stage: ['New'] } });
  });

  it('tells "US" the country from "us" the pronoun', () => {
    expect(parse('show us partners in the US')).toMatchObject({ filter: { country: ['US'] } });
    expect(parse('show us coupon partners')).toEqual({
      kind: 'list',
      filter: { businessModel: ['coupon'] },
      sort: 'name',
    });
  });

  it('counts, sorts and corrects misspelt filter words', () => {
    expect(parse('how many partners does Dana manage?')).toEqual({
      kind: 'count',
      filter: { manager: ['Dana Whitfield'] },
    });
    expect(parse('partners in Germany, oldest first')).toMatchObject({ sort: 'joined-oldest' });
    expect(parse('how many suspnded partners in Canda')).toEqual({
      kind: 'count',
      filter: { contractStatus: ['Suspended'], country: ['CA'] },
    });
  });

  it('names filters the directory does not have, and asks back when there is nothing to go on', () => {
    expect(parse('partners sorted by revenue')).toEqual({ kind: 'unknown-filter', words: 'revenue' });
    expect(parse('partners with shiny logos')).toEqual({ kind: 'unknown-filter', words: 'shiny logos' });
    expect(parse('who manages')).toEqual({ kind: 'unclear' });
  });
});
