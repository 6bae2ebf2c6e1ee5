import { describe, expect, it } from 'vitest';
import { buildLunrIndex } from '../../src/search/build-lunr-index.js';
import { compactLunrIndex } from '../../src/search/compact-index.js';
import { SectionIndex } from '../../src/search/section-index.js';

const documents = [
  {
    id: 'a',
    title: 'Payouts and tax',
    headings: 'Payout schedule',
    body: 'Payouts are sent monthly after validation.',
    code: '',
    tags: 'payout',
    asked: 'when do i get paid\nwhy is my payout late',
  },
  {
    id: 'b',
    title: 'Tracking pixel',
    headings: 'Install the tag',
    body: 'Add the pixel to the checkout page.',
    code: '',
    tags: 'pixel tag',
    asked: 'how do i install tracking',
  },
  {
    id: 'c',
    title: 'Payouts and tax',
    headings: 'Tax forms',
    body: 'Submit a tax form before your first payout.',
    code: '',
    tags: 'tax',
    asked: '',
  },
  {
    id: 'd',
    title: 'Reports',
    headings: 'Schedule a report',
    body: 'Reports can be sent on a schedule.',
    code: '',
    tags: '',
    asked: '',
  },
];
const options = {
  k1: 1.2,
  b: 0.75,
  boosts: { title: 2, headings: 3, body: 1, code: 0.2, tags: 0.5, asked: 1.5 },
};

describe('SectionIndex scoring', () => {
  it("ranks and scores exactly like lunr's own Index#query", () => {
    const lunrIndex = buildLunrIndex(documents, options);
    const index = new SectionIndex(compactLunrIndex(lunrIndex));
    const queries: [string, number][][] = [
      [['payout', 1]],
      [
        ['payout', 1],
        ['schedul', 0.5],
      ],
      [
        ['tax', 1],
        ['form', 1],
        ['pixel', 0.3],
      ],
      [
        ['report', 2],
        ['sent', 1],
        ['unknown', 1],
      ],
      // Words only in the asked phrasings, and one in both the asked phrasings and the body.
      [
        ['paid', 1],
        ['late', 1],
      ],
      [
        ['instal', 1],
        ['track', 0.5],
        ['pixel', 1],
      ],
    ];
    for (const clauses of queries) {
      const expected = lunrIndex.query((q) => {
        for (const [term, boost] of clauses) q.term(term, { boost, usePipeline: false });
      });
      const actual = index.search(new Map(clauses), { limit: 10 });
      expect(actual.map((r) => index.ref(r.doc))).toEqual(expected.map((r) => r.ref));
      actual.forEach((r, i) => {
        expect(r.score).toBeCloseTo(expected[i]!.score, 4);
      });
    }
  });

  it('keeps the best `limit` sections in order, ties broken by section order, like a full sort', () => {
    // 300 sections with few distinct scores: many ties, and more sections than any limit below.
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: `s${i}`,
      title: 'Payouts',
      headings: i % 7 === 0 ? 'Payout schedule' : 'Other',
      body: `payout ${'word '.repeat(i % 5)}`,
      code: i % 6 === 0 ? 'payout_id: 42' : '',
      tags: i % 3 === 0 ? 'tax' : '',
      asked: i % 4 === 0 ? 'when is my payout paid' : '',
    }));
    const index = new SectionIndex(compactLunrIndex(buildLunrIndex(many, options)));
    const clauses = new Map([
      ['payout', 1],
      ['tax', 0.5],
      ['schedul', 0.7],
    ]);
    const full = index.search(clauses, { limit: 1000 });
    expect(full).toHaveLength(300);
    const sorted = [...full].sort((a, b) => b.score - a.score || a.doc - b.doc);
    expect(full).toEqual(sorted);
    for (const limit of [0, 1, 3, 30, 299]) {
      expect(index.search(clauses, { limit })).toEqual(full.slice(0, limit));
    }
    const even = index.search(clauses, { limit: 10, accept: (doc) => doc % 2 === 0 });
    expect(even).toEqual(full.filter((r) => r.doc % 2 === 0).slice(0, 10));
  });

  it('survives lunr serialisation (the disk cache) unchanged', async () => {
    const lunr = (await import('lunr')).default;
    const lunrIndex = buildLunrIndex(documents, options);
    const fresh = compactLunrIndex(lunrIndex);
    const loaded = compactLunrIndex(lunr.Index.load(JSON.parse(JSON.stringify(lunrIndex))));
    expect(loaded.terms).toEqual(fresh.terms);
    expect([...loaded.docs]).toEqual([...fresh.docs]);
    expect([...loaded.weights]).toEqual([...fresh.weights]);
  });

  it('finds typo neighbours and prefixes among index words', () => {
    const index = new SectionIndex(compactLunrIndex(buildLunrIndex(documents, options)));
    expect(index.neighbours('pxiel')).toContain('pixel');
    expect(index.withPrefix('sched', 5)).toEqual(['schedul']);
    expect(index.matchingTerms(2, ['tax', 'pixel', 'payout'])).toEqual(['tax', 'payout']);
  });
});
