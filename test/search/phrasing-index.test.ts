import { describe, expect, it } from 'vitest';
import { buildLunrIndex } from '../../src/search/build-lunr-index.js';
import { compactLunrIndex } from '../../src/search/compact-index.js';
import { DEFAULT_CONFIDENCE_RULE } from '../../src/search/confidence-rule.js';
import type { DocSection } from '../../src/search/doc-section.js';
import {
  buildPhrasingIndex,
  PhrasingIndex,
  phrasingIndexBuffers,
  sectionPhrasings,
} from '../../src/search/phrasing-index.js';
import { DEFAULT_INDEX_OPTIONS, DEFAULT_QUERY_OPTIONS } from '../../src/search/ranking-options.js';
import { sectionDocument } from '../../src/search/section-document.js';
import { SectionIndex } from '../../src/search/section-index.js';
import { SectionSearcher } from '../../src/search/section-searcher.js';
import { SynonymTable } from '../../src/search/synonym-table.js';
import { sectionFixture } from './section-fixture.js';

function section(slug: string, anchor: string, heading: string, text: string, asked: string[]): DocSection {
  const articleTitle = slug === 'contracts' ? 'Partner contracts' : 'Partner directory';
  return sectionFixture({ slug, anchor, articleTitle, heading, text, asked });
}

const SECTIONS = [
  section('contracts', '', 'Partner contracts', 'Every partner works under a contract.', []),
  section('contracts', 'end-a-contract', 'End a contract', 'Select Contract › End on the partner profile.', [
    'stop working with a partner',
    'terminate a partnership',
  ]),
  section('directory', 'remove-a-partner', 'Remove a partner', 'Select Remove on the partner profile.', [
    'delete a partner from my list',
  ]),
  section('directory', 'invite-partners', 'Invite partners', 'Send an invitation by e-mail.', [
    'add new affiliates',
  ]),
];

describe('sectionPhrasings', () => {
  it('is the asked phrasings, the heading, and the article title with the heading below the intro', () => {
    expect(sectionPhrasings(SECTIONS[1]!)).toEqual([
      'stop working with a partner',
      'terminate a partnership',
      'End a contract',
      'Partner contracts End a contract',
    ]);
    expect(sectionPhrasings(SECTIONS[0]!)).toEqual(['Partner contracts']);
  });
});

describe('PhrasingIndex', () => {
  const index = new PhrasingIndex(buildPhrasingIndex(SECTIONS));

  it('scores a section by its nearest phrasing, up to 1 for the phrasing itself', () => {
    const exact = index.similarities('terminate a partnership');
    expect(exact.get(1)).toBeCloseTo(1, 5);
    for (const [position, similarity] of exact) if (position !== 1) expect(similarity).toBeLessThan(0.6);
  });

  it('matches word parts the word index does not ("terminating partnerships")', () => {
    const similarities = index.similarities('terminating our partnerships');
    const best = [...similarities].sort((a, b) => b[1] - a[1])[0];
    expect(best?.[0]).toBe(1);
    expect(best?.[1]).toBeGreaterThan(0.3);
  });

  it('leaves out sections that share nothing with the question, and answers empty text with nothing', () => {
    expect(index.similarities('zzzz qqqq').size).toBe(0);
    expect(index.similarities('').size).toBe(0);
    expect(index.similarities('🤷 ~:* '.repeat(5000)).size).toBe(0);
  });

  it('gives the same answers twice in a row (its buffers are cleared after each question)', () => {
    const first = index.similarities('stop working with affiliates');
    expect(index.similarities('stop working with affiliates')).toEqual(first);
  });

  it('hands over its arrays, and their buffers, for another thread', () => {
    const data = buildPhrasingIndex(SECTIONS);
    expect(data.sectionCount).toBe(4);
    expect([...data.sectionOf]).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(phrasingIndexBuffers(data)).toHaveLength(4);
    const copy = structuredClone(data);
    expect(new PhrasingIndex(copy).similarities('add affiliates')).toEqual(
      new PhrasingIndex(data).similarities('add affiliates'),
    );
  });
});

describe('SectionSearcher with phrasings', () => {
  const lunrIndex = new SectionIndex(
    compactLunrIndex(buildLunrIndex(SECTIONS.map(sectionDocument), DEFAULT_INDEX_OPTIONS)),
  );
  const searcher = (weights: { sectionPhrasingWeight: number; articlePhrasingWeight: number }) =>
    new SectionSearcher(
      SECTIONS,
      lunrIndex,
      new SynonymTable([]),
      { ...DEFAULT_QUERY_OPTIONS, ...weights },
      DEFAULT_CONFIDENCE_RULE,
      buildPhrasingIndex(SECTIONS),
    );
  const first = (s: SectionSearcher, q: string) => s.rank(q, { audience: null, limit: 3 }).ranked[0]?.ref;

  it('puts first the section whose phrasings the question resembles', () => {
    const question = 'partnership over, remove them';
    // The word index alone goes by its rarest word, "partnership", asked only for ending a contract...
    expect(first(searcher({ sectionPhrasingWeight: 0, articlePhrasingWeight: 0 }), question)).toBe(
      'contracts#end-a-contract',
    );
    // ...while as a whole it reads like "Remove a partner".
    expect(first(searcher({ sectionPhrasingWeight: 1, articlePhrasingWeight: 2 }), question)).toBe(
      'directory#remove-a-partner',
    );
  });

  it('refuses phrasings built from other sections', () => {
    expect(
      () =>
        new SectionSearcher(
          SECTIONS.slice(1),
          lunrIndex,
          new SynonymTable([]),
          DEFAULT_QUERY_OPTIONS,
          DEFAULT_CONFIDENCE_RULE,
          buildPhrasingIndex(SECTIONS),
        ),
    ).toThrow(/4 sections, searcher given 3/);
  });
});
