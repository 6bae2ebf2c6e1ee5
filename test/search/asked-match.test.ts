import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedMatch, askedPhrasingTerms } from '../../src/search/asked-match.js';
import { type HelpCenter, loadHelpCenter } from '../../src/search/help-center.js';
import type { QueryPlan } from '../../src/search/plan-query.js';
import { DEFAULT_QUERY_OPTIONS } from '../../src/search/ranking-options.js';

/** A plan with one group per typed word; `alternatives` adds synonyms at a lower weight. */
function plan(words: string[], alternatives: Record<string, number> = {}): QueryPlan {
  const clauses = new Map<string, { boost: number; group: number }>();
  words.forEach((word, group) => {
    clauses.set(word, { boost: 1, group });
  });
  for (const [term, boost] of Object.entries(alternatives)) clauses.set(term, { boost, group: 0 });
  return {
    groups: words.map((word) => ({ word, terms: new Map([[word, 1]]), weight: 1, topic: true })),
    clauses,
  };
}

const sameIdf = () => 1;

describe('askedPhrasingTerms', () => {
  it('keeps the index words of each phrasing once and drops phrasings of stop words only', () => {
    expect(askedPhrasingTerms(['see my payouts, my payouts', 'is it the one', 'bank rejected'])).toEqual([
      ['see', 'payout'],
      ['bank', 'reject'],
    ]);
  });
});

describe('askedMatch', () => {
  it('is 1 when the question says every word of a phrasing, 0 without phrasings or shared words', () => {
    expect(askedMatch([['domain', 'allow']], plan(['partner', 'domain', 'allow']), sameIdf)).toBe(1);
    expect(askedMatch([], plan(['domain']), sameIdf)).toBe(0);
    expect(askedMatch([['bank', 'reject']], plan(['domain']), sameIdf)).toBe(0);
  });

  it('takes the best single phrasing: words spread over several phrasings do not add up', () => {
    const spread = [
      ['domain', 'blog'],
      ['allow', 'checkout'],
    ];
    expect(askedMatch(spread, plan(['domain', 'allow']), sameIdf)).toBe(0.5);
  });

  it('weighs words by idf and counts a synonym at its weight', () => {
    const idf = (term: string) => (term === 'w9' ? 3 : 1);
    expect(askedMatch([['submit', 'w9']], plan(['w9']), idf)).toBe(0.75);
    expect(askedMatch([['submit', 'w9']], plan(['submit'], { w9: 0.5 }), idf)).toBeCloseTo(0.625);
  });
});

describe('a question that says an asked phrasing ranks that section first', () => {
  let dir: string;
  const open: HelpCenter[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'asked-match-'));
    await writeFile(
      join(dir, 'deep-links.md'),
      [
        '---',
        'title: Deep links',
        'audience: all',
        '---',
        'Partners can link to any page of your shop.',
        '',
        '## Turn deep linking on',
        '<!-- asked: allow partners to link to our blog | how many landing domains can we add | block links to the checkout -->',
        'Switch deep linking on and list the domains partners may link to. Partners then create links to any page on those domains.',
        '',
        '## Troubleshooting',
        '<!-- asked: partner gets domain not allowed | deep link opens the home page -->',
        'Add the missing domain to the list, then ask the partner to try again.',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    for (const center of open) center.close();
    await rm(dir, { recursive: true, force: true });
  });

  const firstHit = async (askedMatchWeight: number) => {
    const center = await loadHelpCenter({
      docsDir: dir,
      useWorker: false,
      // The phrasing similarity also favours the section whose phrasing the question says: off, to see this factor alone.
      queryOptions: {
        ...DEFAULT_QUERY_OPTIONS,
        sectionPhrasingWeight: 0,
        articlePhrasingWeight: 0,
        askedMatchWeight,
      },
    });
    open.push(center);
    return center.search('partner gets domain not allowed when creating a link', { audience: 'brand' })
      .hits[0]?.section.id;
  };

  it('beats a neighbour whose phrasings each share a word with the question', async () => {
    expect(await firstHit(0)).toBe('deep-links#turn-deep-linking-on');
    expect(await firstHit(DEFAULT_QUERY_OPTIONS.askedMatchWeight)).toBe('deep-links#troubleshooting');
  });
});
