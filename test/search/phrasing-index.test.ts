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

/** Each section's similarity to the question, by position, leaving out the sections at 0. */
function similarities(index: PhrasingIndex, question: string): Map<number, number> {
  const vector = index.vectorOf(question);
  const found = new Map<number, number>();
  for (let position = 0; position < index.sectionCount; position++) {
    const similarity = index.similarity(vector, position);
    if (similarity > 0) found.set(position, similarity);
  }
  return found;
}

describe('PhrasingIndex', () => {
  const index = new PhrasingIndex(buildPhrasingIndex(SECTIONS));

  it('scores a section by its nearest phrasing, up to 1 for the phrasing itself', () => {
    const exact = similarities(index, 'terminate a partnership');
    expect(exact.get(1)).toBeCloseTo(1, 5);
    for (const [position, similarity] of exact) if (position !== 1) expect(similarity).toBeLessThan(0.6);
  });

  it('matches word parts the word index does not ("terminating partnerships")', () => {
    const found = similarities(index, 'terminating our partnerships');
    const best = [...found].sort((a, b) => b[1] - a[1])[0];
    expect(best?.[0]).toBe(1);
    expect(best?.[1]).toBeGreaterThan(0.3);
  });

  it('finds nothing in common with unrelated text, stop words, emoji, markup or no text', () => {
    expect(similarities(index, 'zzzz qqqq').size).toBe(0);
    expect(similarities(index, '').size).toBe(0);
    expect(similarities(index, 'do it for me?').size).toBe(0);
    expect(similarities(index, '🤷 ~:* '.repeat(5000)).size).toBe(0);
    expect(index.similarity(index.vectorOf('terminate a partnership'), 99)).toBe(0);
  });

  it('compares questions without stop words, chat filler or question marks', () => {
    expect(similarities(index, 'hey pls terminate a partnership for me?')).toEqual(
      similarities(index, 'terminate partnership'),
    );
  });

  it('hands over its arrays, and their buffers, for another thread', () => {
    const data = buildPhrasingIndex(SECTIONS);
    expect(data.sectionCount).toBe(4);
    // Section 0 has one phrasing (its title), the others their asked phrasings, heading and title + heading.
    expect([...data.sectionStart]).toEqual([0, 1, 5, 8, 11]);
    expect(phrasingIndexBuffers(data)).toHaveLength(4);
    const copy = structuredClone(data);
    expect(similarities(new PhrasingIndex(copy), 'add affiliates')).toEqual(
      similarities(new PhrasingIndex(data), 'add affiliates'),
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
