import { describe, expect, it } from 'vitest';
import { buildLunrIndex } from '../../src/search/build-lunr-index.js';
import { compactLunrIndex } from '../../src/search/compact-index.js';
import { DEFAULT_CONFIDENCE_RULE } from '../../src/search/confidence-rule.js';
import type { DocSection } from '../../src/search/doc-section.js';
import type { RankedSection } from '../../src/search/rank-sections.js';
import { DEFAULT_INDEX_OPTIONS, DEFAULT_QUERY_OPTIONS } from '../../src/search/ranking-options.js';
import { fuseTail } from '../../src/search/relevance-feedback.js';
import { sectionDocument } from '../../src/search/section-document.js';
import { SectionIndex } from '../../src/search/section-index.js';
import { SectionSearcher } from '../../src/search/section-searcher.js';
import { SynonymTable } from '../../src/search/synonym-table.js';
import { sectionFixture } from './section-fixture.js';

function section(id: string, heading: string, text: string): DocSection {
  return sectionFixture({ id, slug: id, anchor: 'part', articleTitle: heading, heading, text });
}

// Two sections say "hypertension" and "blood pressure"; the one that says only "blood pressure" never
// shares a word with the question.
const SECTIONS = [
  section('a', 'Hypertension in diabetes', 'Hypertension, high blood pressure, is common in diabetes.'),
  section('b', 'Hypertension treatment', 'Hypertension lowers with treatment of blood pressure.'),
  section('c', 'Blood pressure at rest', 'Blood pressure measured at rest in healthy adults.'),
  section('d', 'Running shoes', 'Choose running shoes that fit.'),
  section('e', 'Coffee', 'Coffee and tea in the morning.'),
];

function searcher(feedbackTerms: number): SectionSearcher {
  const index = new SectionIndex(
    compactLunrIndex(buildLunrIndex(SECTIONS.map(sectionDocument), DEFAULT_INDEX_OPTIONS)),
  );
  return new SectionSearcher(
    SECTIONS,
    index,
    new SynonymTable([]),
    { ...DEFAULT_QUERY_OPTIONS, feedbackKeepTop: 1, feedbackSections: 2, feedbackTerms, feedbackWeight: 1 },
    DEFAULT_CONFIDENCE_RULE,
  );
}

const refs = (s: SectionSearcher, query: string, limit: number) =>
  s.rank(query, { audience: null, limit }).ranked.map((r) => r.ref);

describe('relevance feedback', () => {
  it('finds a section in other words after the head of the list, which stays as ranked', () => {
    const without = refs(searcher(0), 'hypertension', 5);
    expect(without).not.toContain('c');
    const withFeedback = refs(searcher(5), 'hypertension', 5);
    expect(withFeedback[0]).toBe(without[0]);
    expect(withFeedback).toContain('c');
    expect(withFeedback).not.toContain('d');
  });

  it('leaves lists no longer than the kept head alone (the bot shows a few results)', () => {
    expect(refs(searcher(5), 'hypertension', 1)).toEqual(refs(searcher(0), 'hypertension', 1));
  });

  it('reads every word of a section back from the postings', () => {
    const index = new SectionIndex(
      compactLunrIndex(buildLunrIndex(SECTIONS.map(sectionDocument), DEFAULT_INDEX_OPTIONS)),
    );
    const words: string[] = [];
    index.forEachTermOf(2, (term, weight) => {
      expect(weight).toBeGreaterThan(0);
      words.push(term);
    });
    expect(index.ref(2)).toBe('c');
    expect(words.sort()).toEqual(['adult', 'blood', 'healthi', 'measur', 'pressur', 'rest']);
  });
});

describe('fuseTail', () => {
  const ranked = (...docs: number[]): RankedSection[] =>
    docs.map((doc) => ({
      doc,
      ref: String(doc),
      score: 1,
      wordScore: 1,
      coverage: 1,
      topicCoverage: 1,
      matchedTerms: [],
    }));

  it('keeps the head, then merges both rankings without repeats, up to the limit', () => {
    const fused = fuseTail(ranked(1, 2, 3, 4), ranked(2, 5, 3, 6), 1, 4);
    expect(fused.map((r) => r.doc)).toEqual([1, 2, 3, 5]);
  });
});
