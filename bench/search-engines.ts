import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { buildLunrIndex } from '../src/search/build-lunr-index.js';
import { compactLunrIndex } from '../src/search/compact-index.js';
import { DEFAULT_CONFIDENCE_RULE } from '../src/search/confidence-rule.js';
import type { DocSection } from '../src/search/doc-section.js';
import type { IndexOptions, QueryOptions } from '../src/search/ranking-options.js';
import { sectionDocument } from '../src/search/section-document.js';
import { SectionIndex } from '../src/search/section-index.js';
import { SectionSearcher } from '../src/search/section-searcher.js';
import { SynonymTable } from '../src/search/synonym-table.js';
import type { BeirDocument } from './search-beir-data.js';

/** One engine under test: built once, then asked every query. */
export interface BenchEngine {
  name: string;
  /** Serialised index size in bytes (what would be cached or shipped). */
  serializedBytes(): number;
  /** Ranked document ids, best first; throws when the engine throws. */
  query(text: string, limit: number): string[];
}

export interface EngineVariant {
  indexOptions: IndexOptions;
  queryOptions: QueryOptions;
  /** Also put the title into the body field (one-field BM25 the way Pyserini indexes BEIR). */
  titleInBody: boolean;
}

/** A BEIR document as a help-center section: title → article title, text → section text. */
export function documentAsSection(doc: BeirDocument, titleInBody: boolean): DocSection {
  return {
    id: doc.id,
    slug: doc.id,
    anchor: '',
    articleTitle: doc.title,
    heading: doc.title,
    audience: 'all',
    category: '',
    tags: [],
    text: titleInBody ? `${doc.title}\n${doc.text}` : doc.text,
    prose: titleInBody ? `${doc.title}\n${doc.text}` : doc.text,
    code: '',
    asked: [],
    url: '',
  };
}

/** Our engine: the bot's ranking core (query planning + lunr-weighted ranking), without audience filter or cut-off. */
export function buildOurEngine(
  documents: BeirDocument[],
  variant: EngineVariant,
): BenchEngine & { searcher: SectionSearcher } {
  const sections = documents.map((d) => documentAsSection(d, variant.titleInBody));
  const lunrIndex = buildLunrIndex(sections.map(sectionDocument), variant.indexOptions);
  // Serialised as the bot does for its disk cache; only the size is kept, like the bot keeps only the compact index.
  const bytes = Buffer.byteLength(JSON.stringify(lunrIndex));
  const index = new SectionIndex(compactLunrIndex(lunrIndex));
  const searcher = new SectionSearcher(
    sections,
    index,
    new SynonymTable([]),
    variant.queryOptions,
    DEFAULT_CONFIDENCE_RULE,
  );
  return {
    name: 'helpdesk search (lunr index, term-by-term queries)',
    searcher,
    serializedBytes: () => bytes,
    query: (text, limit) => searcher.rank(text, { audience: null, limit }).ranked.map((r) => r.ref),
  };
}

/** Plain lunr as documented: default pipeline, `idx.search(text)` on the raw query. */
export function buildPlainLunr(documents: BeirDocument[]): BenchEngine {
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const doc of documents) this.add(doc);
  });
  return {
    name: 'lunr 2.3.9 idx.search(text)',
    serializedBytes: () => Buffer.byteLength(JSON.stringify(index)),
    query: (text, limit) =>
      index
        .search(text)
        .slice(0, limit)
        .map((r) => r.ref),
  };
}

/** MiniSearch with its defaults (BM25+, OR of terms, no fuzzy or prefix matching). */
export function buildMiniSearch(documents: BeirDocument[]): BenchEngine {
  const mini = new MiniSearch<BeirDocument>({ fields: ['title', 'text'], idField: 'id' });
  mini.addAll(documents);
  return {
    name: 'MiniSearch 7 defaults',
    serializedBytes: () => Buffer.byteLength(JSON.stringify(mini)),
    query: (text, limit) =>
      mini
        .search(text)
        .slice(0, limit)
        .map((r) => String(r.id)),
  };
}

/** Start-up from the disk cache: parse the serialised lunr index, lunr.Index.load, compact form. */
export function measureCacheLoadMs(documents: BeirDocument[], variant: EngineVariant): number {
  const sections = documents.map((d) => documentAsSection(d, variant.titleInBody));
  const json = JSON.stringify(buildLunrIndex(sections.map(sectionDocument), variant.indexOptions));
  const started = performance.now();
  new SectionIndex(compactLunrIndex(lunr.Index.load(JSON.parse(json))));
  return performance.now() - started;
}
