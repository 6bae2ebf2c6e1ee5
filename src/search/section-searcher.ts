import { analyzeText } from './analyze-text.js';
import { type AnswerShape, answerShape, sectionShape } from './answer-shape.js';
import { askedMatch, askedPhrasingTerms } from './asked-match.js';
import { cleanChatQuery } from './clean-chat-query.js';
import { type ConfidenceRule, isConfident, keepStrongHits } from './confidence-rule.js';
import type { DocSection, SearchAudience } from './doc-section.js';
import { makeExtract } from './make-extract.js';
import { PhrasingIndex, type PhrasingIndexData } from './phrasing-index.js';
import { planQuery, type QueryPlan } from './plan-query.js';
import { type RankedSection, rankSections } from './rank-sections.js';
import type { QueryOptions } from './ranking-options.js';
import { feedbackPlan, fuseTail } from './relevance-feedback.js';
import type { SearchResult } from './search-result.js';
import { sectionAddressee } from './section-addressee.js';
import { sectionDocument } from './section-document.js';
import type { SectionIndex } from './section-index.js';
import type { SynonymTable } from './synonym-table.js';

export interface RankOptions {
  /** null = no audience filter (benchmarks). */
  audience: SearchAudience | null;
  limit: number;
}

const AUDIENCE_ALL = 0;
const AUDIENCE_CODE = { all: AUDIENCE_ALL, brand: 1, partner: 2 } as const;
const MAX_LIMIT = 100;
const RERANK_DEPTH = 30;

/**
 * The search engine over one index generation: plans the query, ranks
 * sections (the core both the bot and the benchmarks use), filters by
 * audience and decides whether the answer is good enough.
 */
export class SectionSearcher {
  private readonly sectionByDoc: (DocSection | undefined)[];
  private readonly audienceByDoc: Uint8Array;
  /** Score multipliers per section, for brand users, partner users and no audience (benchmarks). */
  private priors: Record<SearchAudience | 'none', Float32Array>;
  private readonly addressees: (SearchAudience | undefined)[];
  private readonly headingTerms: string[][];
  /** Index words of each asked phrasing, per section. */
  private readonly askedTerms: string[][][];
  private readonly sectionShapes: { table: boolean; steps: boolean }[];
  /** Index words each section has only in its code samples (undefined when it has none). */
  private readonly codeOnlyTerms: (ReadonlySet<string> | undefined)[];
  /** How users ask for each section, when the index has its phrasings (the help center; not the benchmarks' corpora). */
  private readonly phrasings: PhrasingIndex | undefined;
  /** Position in `sections` of each document (-1 for a document without a section). */
  private readonly positionOfDoc: Int32Array;
  /** Positions in `sections` of each article's sections, by slug. */
  private readonly articlePositions = new Map<string, number[]>();

  constructor(
    readonly sections: readonly DocSection[],
    readonly index: SectionIndex,
    private readonly synonyms: SynonymTable,
    private queryOptions: QueryOptions,
    private readonly rule: ConfidenceRule,
    phrasings?: PhrasingIndexData,
  ) {
    const byId = new Map(sections.map((s) => [s.id, s]));
    if (phrasings && phrasings.sectionCount !== sections.length)
      throw new Error(
        `phrasing index built from ${phrasings.sectionCount} sections, searcher given ${sections.length}`,
      );
    this.phrasings = phrasings ? new PhrasingIndex(phrasings) : undefined;
    const positionById = new Map(sections.map((s, position) => [s.id, position]));
    this.positionOfDoc = Int32Array.from(index.compact.refs, (ref) => positionById.get(ref) ?? -1);
    sections.forEach((s, position) => {
      const positions = this.articlePositions.get(s.slug);
      if (positions) positions.push(position);
      else this.articlePositions.set(s.slug, [position]);
    });
    this.sectionByDoc = index.compact.refs.map((ref) => byId.get(ref));
    this.audienceByDoc = Uint8Array.from(this.sectionByDoc, (s) => AUDIENCE_CODE[s?.audience ?? 'all']);
    this.addressees = this.sectionByDoc.map((s) => (s ? sectionAddressee(s) : undefined));
    this.priors = this.computePriors(queryOptions);
    this.headingTerms = this.sectionByDoc.map((s) => [...new Set(analyzeText(s?.heading ?? ''))]);
    this.sectionShapes = this.sectionByDoc.map((s) => sectionShape(s?.text ?? ''));
    this.askedTerms = this.sectionByDoc.map((s) => askedPhrasingTerms(s?.asked ?? []));
    this.codeOnlyTerms = this.sectionByDoc.map((s) => (s ? codeOnlyTerms(s) : undefined));
  }

  /** Query-time settings can change without a rebuild (the benchmarks' tuning uses this). */
  setQueryOptions(options: QueryOptions): void {
    this.queryOptions = options;
    this.priors = this.computePriors(options);
  }

  private computePriors(options: QueryOptions): Record<SearchAudience | 'none', Float32Array> {
    const forAudience = (audience: SearchAudience | undefined) =>
      Float32Array.from(this.sectionByDoc, (s, doc) => {
        const intro = s?.anchor === '' ? options.introWeight : 1;
        const addressee = this.addressees[doc];
        return intro * (audience && addressee && addressee !== audience ? options.otherAudienceWeight : 1);
      });
    return { brand: forAudience('brand'), partner: forAudience('partner'), none: forAudience(undefined) };
  }

  private readonly idf = (term: string): number => this.index.idf(term);

  section(doc: number): DocSection | undefined {
    return this.sectionByDoc[doc];
  }

  /** Ranked sections for a question: the ranking core, without cut-off or extracts. */
  rank(query: unknown, opts: RankOptions): { plan: QueryPlan; ranked: RankedSection[] } {
    const plan = planQuery(query, this.index, this.synonyms, this.queryOptions);
    // An audience the engine does not know (a caller's bug) sees only the articles written for everyone.
    const wanted =
      opts.audience === null ? undefined : (AUDIENCE_CODE[opts.audience as keyof typeof AUDIENCE_CODE] ?? -1);
    const accept = (doc: number) => {
      if (!this.sectionByDoc[doc]) return false;
      const audience = this.audienceByDoc[doc];
      return wanted === undefined || audience === AUDIENCE_ALL || audience === wanted;
    };
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(opts.limit) || 1));
    const prior =
      opts.audience === 'brand' || opts.audience === 'partner'
        ? this.priors[opts.audience]
        : this.priors.none;
    const feedbackOn = this.queryOptions.feedbackTerms > 0 && limit > this.queryOptions.feedbackKeepTop;
    const phrasing = this.phrasingFactors(query);
    const ranked = this.rankPlan(plan, query, { limit, accept, prior, phrasing });
    if (!feedbackOn) return { plan, ranked: ranked.slice(0, limit) };
    const expanded = feedbackPlan(plan, ranked, this.index, this.queryOptions);
    if (!expanded) return { plan, ranked: ranked.slice(0, limit) };
    const tail = this.rankPlan(expanded, query, { limit, accept, prior, phrasing });
    return { plan, ranked: fuseTail(ranked, tail, this.queryOptions.feedbackKeepTop, limit) };
  }

  /** Ranks a plan and reranks the head; may return more than `limit` sections. */
  private rankPlan(
    plan: QueryPlan,
    query: unknown,
    opts: {
      limit: number;
      accept: (doc: number) => boolean;
      prior: Float32Array;
      phrasing: ((doc: number) => number) | undefined;
    },
  ): RankedSection[] {
    const {
      headingMatchWeight,
      askedMatchWeight,
      coverageExponent,
      definitionTableWeight,
      procedureStepsWeight,
    } = this.queryOptions;
    // The reranking factors can reorder the head of the list: rank a few more, rerank, then cut.
    const rerank =
      headingMatchWeight > 0 ||
      askedMatchWeight > 0 ||
      coverageExponent > 0 ||
      definitionTableWeight > 0 ||
      procedureStepsWeight > 0 ||
      opts.phrasing !== undefined;
    const depth = rerank ? Math.max(opts.limit * 3, RERANK_DEPTH) : opts.limit;
    const ranked = rankSections(this.index, plan, {
      limit: depth,
      accept: opts.accept,
      prior: opts.prior,
      codeOnlyTerms: this.codeOnlyTerms,
      codeMatchCredit: this.queryOptions.codeMatchCredit,
    });
    if (rerank) {
      const shape = answerShape(cleanChatQuery(query));
      for (const r of ranked) {
        r.wordScore *=
          (1 + headingMatchWeight * this.headingMatch(r.doc, plan)) *
          (1 + askedMatchWeight * askedMatch(this.askedTerms[r.doc] ?? [], plan, this.idf)) *
          r.coverage ** coverageExponent *
          (1 + this.shapeMatch(r.doc, shape));
        r.score = r.wordScore * (opts.phrasing?.(r.doc) ?? 1);
      }
      ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    }
    return ranked;
  }

  /**
   * The score multiplier of each section for how the question resembles the
   * ways users ask for it and for its article's other sections (see
   * QueryOptions.sectionPhrasingWeight); undefined when there is nothing to weigh.
   */
  private phrasingFactors(query: unknown): ((doc: number) => number) | undefined {
    const { sectionPhrasingWeight, articlePhrasingWeight } = this.queryOptions;
    const phrasings = this.phrasings;
    if (!phrasings || typeof query !== 'string') return undefined;
    if (sectionPhrasingWeight <= 0 && articlePhrasingWeight <= 0) return undefined;
    const question = phrasings.vectorOf(query);
    if (question.idx.length === 0) return undefined;
    // Only the ranked sections and their articles are compared, each once per question.
    const bySection = new Map<number, number>();
    const similarity = (position: number) => {
      let value = bySection.get(position);
      if (value === undefined) {
        value = phrasings.similarity(question, position);
        bySection.set(position, value);
      }
      return value;
    };
    const byArticle = new Map<string, number>();
    const articleSimilarity = (slug: string) => {
      let value = byArticle.get(slug);
      if (value === undefined) {
        value = 0;
        for (const position of this.articlePositions.get(slug) ?? []) value += similarity(position);
        byArticle.set(slug, value);
      }
      return value;
    };
    return (doc) => {
      const position = this.positionOfDoc[doc] ?? -1;
      const section = this.sections[position];
      if (!section) return 1;
      return (
        (1 + sectionPhrasingWeight * similarity(position)) *
        (1 + articlePhrasingWeight * articleSimilarity(section.slug))
      );
    };
  }

  /** Extra weight for a section whose form fits the question: a table for a definition, steps for a how-to. */
  private shapeMatch(doc: number, shape: AnswerShape): number {
    const form = this.sectionShapes[doc];
    if (!form) return 0;
    const { definitionTableWeight, procedureStepsWeight } = this.queryOptions;
    return (
      (shape.definition && form.table ? definitionTableWeight : 0) +
      (shape.procedure && form.steps ? procedureStepsWeight : 0)
    );
  }

  /**
   * Share of the section heading's words the question contains (a synonym or
   * typo at its weight). A question that says most of a heading is about that section.
   */
  private headingMatch(doc: number, plan: QueryPlan): number {
    const terms = this.headingTerms[doc];
    if (!terms || terms.length === 0) return 0;
    let matched = 0;
    for (const term of terms) matched += Math.min(1, plan.clauses.get(term)?.boost ?? 0);
    return matched / terms.length;
  }

  /** The bot's search: best sections for the user's audience, cut off when weak, with extracts. */
  search(query: unknown, opts: RankOptions): SearchResult {
    const { ranked } = this.rank(query, opts);
    const confident = isConfident(ranked[0], this.rule);
    const hits = keepStrongHits(ranked, this.rule).map((r) => {
      const section = this.sectionByDoc[r.doc]!;
      const extract = makeExtract(section.text, new Set(r.matchedTerms));
      return { section, score: r.score, extract: extract.text, matchedTerms: extract.words };
    });
    return { hits, confident };
  }
}

/** The index words a section has in its code samples and in none of its other fields. */
function codeOnlyTerms(section: DocSection): ReadonlySet<string> | undefined {
  if (section.code === '') return undefined;
  const { id: _id, code, ...searched } = sectionDocument(section);
  const elsewhere = new Set(analyzeText(Object.values(searched).join('\n')));
  const only = new Set(analyzeText(code).filter((term) => !elsewhere.has(term)));
  return only.size > 0 ? only : undefined;
}
