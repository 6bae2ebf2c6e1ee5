/** The fields every section is indexed under. */
export const INDEX_FIELDS = ['title', 'headings', 'body', 'code', 'tags', 'asked'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** Settings baked into the index when it is built (changing them means a rebuild). */
export interface IndexOptions {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation (0 = none, 1 = full). */
  b: number;
  boosts: Record<IndexField, number>;
}

/** Settings applied per query. */
export interface QueryOptions {
  /** Weight of a synonym relative to the word the user typed. */
  synonymBoost: number;
  /** Weight of a word one edit away from a typed word that the index knows. */
  typoBoost: number;
  /** Weight of a word one edit away from a typed word that the index does not know (a likely typo). */
  unknownWordTypoBoost: number;
  /** Typo tolerance only for words at least this long (short words have too many neighbours). */
  typoMinLength: number;
  /** Most index words one typed word may expand to. */
  maxTypoExpansions: number;
  /** Weight of index words that start with a typed word the index does not know ("params" → "parameters"). */
  prefixBoost: number;
  /** Weight of the parts of a compound the index only knows apart ("timezone" → "time zone"), or of two typed words joined ("sign up" → "signup"). */
  compoundBoost: number;
  /**
   * Multiplier for an article's intro. Intros summarise the whole article, so
   * they share words with most questions, while answers sit in the sections.
   */
  introWeight: number;
  /**
   * Multiplier for a section of an article for everyone whose heading speaks
   * to the other kind of user ("Issue types for partner users" asked by a brand user).
   */
  otherAudienceWeight: number;
  /** Score multiplier 1 + weight × (share of the section heading's words that the question contains). */
  headingMatchWeight: number;
  /**
   * Score multiplier 1 + weight × (share of the best-matching asked phrasing's
   * words, by idf, that the question contains): a question that says one of
   * the ways users ask for a section is about that section.
   */
  askedMatchWeight: number;
  /**
   * Score multiplier coverage^exponent: a section that matches more of what
   * the question is about beats one that repeats a single word often.
   */
  coverageExponent: number;
  /**
   * Credit, in a section's coverage, of a question word the section has only
   * in its code samples (fenced blocks): 1 counts it like any
   * match, 0 not at all. A value in a sample (`currency: 'EUR'`) says little
   * about what the section is about.
   */
  codeMatchCredit: number;
  /** Score multiplier 1 + weight for a section with a reference table when the question asks what something means. */
  definitionTableWeight: number;
  /** Score multiplier 1 + weight for a section with numbered steps when the question asks how to do something. */
  procedureStepsWeight: number;
  /**
   * Score multiplier 1 + weight × (cosine between the question and the
   * section's nearest phrasing, see phrasing-index.ts): a question worded like
   * one of the ways users ask for a section, in whole or in word parts, is about it.
   */
  sectionPhrasingWeight: number;
  /**
   * Score multiplier 1 + weight × (sum of that cosine over the sections of the
   * section's article): an article many of whose sections are asked about in
   * the question's words is the article the question is about.
   */
  articlePhrasingWeight: number;
  /** Weight of question words (how, why, when, can...): they help pick a heading but are not the topic. */
  questionWordBoost: number;
  /** Most distinct words of a query that are searched (long pastes are cut). */
  maxQueryTerms: number;
  /**
   * Relevance feedback for long result lists: the first `feedbackKeepTop`
   * results stay as ranked, and the places after them are filled from the
   * question searched again with words of its best sections added (see
   * relevance-feedback.ts). Finds sections that use other words for the same
   * thing without moving the head of the list; off while `feedbackTerms` is 0.
   */
  feedbackKeepTop: number;
  /** How many of the best sections lend their words. */
  feedbackSections: number;
  /** How many of their words join the question (0 = no relevance feedback). */
  feedbackTerms: number;
  /** Weight of the feedback words together relative to the typed words together. */
  feedbackWeight: number;
}

// Tuned on the help-center question set and a seeded tuning split of SciFact / CovidFAQ queries
// (see bench/search.ts); the reported benchmark figures come from the other split.
export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  k1: 1.2,
  b: 0.3,
  // The asked phrasings (how users ask for a section) weigh more than its heading: chosen on the tuning
  // half of the help-center questions (bench/search-tune-help-center.ts), 2.5 in the middle of the best
  // range 2-3 (top-1 81.3-82.1%, against 80.6% at 1 and 79.9% at 0.5); from 3.5 on, more unanswerable
  // questions get a confident answer. Headings and the heading re-rank keep their best values beside it.
  // Code samples (fenced blocks) are indexed apart from the body, at a quarter of its weight:
  // their words are identifiers and values ("currency: 'EUR'" in a tag sample), not what a section is
  // about, yet a question that names one ("what is pclid") should still find it. On the tuning half
  // every weight from 0.1 to 1 gives the same figures (82.8% / 95.5%, all unanswerable declined): few
  // questions reach code.
  boosts: { title: 1, headings: 2, body: 1, code: 0.25, tags: 1, asked: 2.5 },
};

export const DEFAULT_QUERY_OPTIONS: QueryOptions = {
  synonymBoost: 0.7,
  typoBoost: 0,
  unknownWordTypoBoost: 0.6,
  typoMinLength: 5,
  maxTypoExpansions: 8,
  prefixBoost: 0.6,
  compoundBoost: 0.8,
  maxQueryTerms: 32,
  introWeight: 0.8,
  otherAudienceWeight: 0.5,
  headingMatchWeight: 0.25,
  // Not kept: choosing the section within an article by the words that tell its sections apart. On the
  // tuning half the right section already comes first among its article's listed sections for 119 of 134
  // questions; the 15 others are mostly intros and sections whose rival also fits the question ("what does
  // returned mean" → the status table that defines "Returned"). Tried, top-1 / top-3 section against
  // 82.8% / 95.5%: idf among the article's sections (question word with its synonyms present or not, or
  // counted by its weight share) as a multiplier (1 + w × share of the article's best) / (1 + w): equal at
  // w 0.1-0.2, 80.6-82.1% from 0.3; the share raised to a power: 81.3-82.1%, top-3 89.6-94.0%; each
  // article keeping its places and giving them to its sections in a new order: 83.6% at 0.8-0.9 but top-3
  // 93.3%, 80.6-82.1% below; only the question words not in the article title: at best equal; heading
  // words weighted by idf among the article's headings: at best one question more at a single weight (1).
  // Chosen on the tuning half of the help-center questions (bench/search-tune-help-center.ts): 0.25-0.75
  // is a plateau one question above 0 (82.8% against 82.1%); the report half gained 3 of 133 questions.
  // Not kept: a further multiplier for the share of the question's adjacent word pairs found in a
  // section's asked phrasings, heading or title raised the tuning half to 87.3% (weights 1-2.5 a plateau)
  // but lowered the report half from 78.2% to 75.2%.
  askedMatchWeight: 0.5,
  // Chosen on the tuning half of the help-center questions (bench/search-tune-help-center.ts, section weight
  // 0-8, article weight 0-16): without them 74.2% of its 209 questions find their section first; with both,
  // 1-2 for the section and 1-6 for the article is a plateau at 78.9-79.9%; 1 and 1 score as 1 and 2 in its
  // middle (79.9%, section in the three shown 92.8%, article 97.6%) and pull less towards long articles, whose
  // many sections add up: at 2, "the tracking pixel stopped firing" got "Using a tag manager" from the
  // eight-section pixel set-up article (not confident) instead of "Pixel not firing". Either weight alone
  // gives less (78.0% / 76.6% at best).
  // Keeping stop words in the compared text was 0.5-1 point higher, but then "how do i get paid by" (a
  // brand's name taken out) and "how do i get paid" could get different answers. The confidence floor is
  // measured on the score without this factor (RankedSection.wordScore): with it, the multiplier lifted
  // "can i sell my partner account" (unanswerable) over the floor. When the section the similarity puts first
  // covers too little of the question, the question is declined even if the words alone would have answered
  // with another section ("my application has been pending forever"); falling back to the words' order in
  // that case scored one question lower on the tuning half (79.4% against 79.9%). Showing at most one or two sections per
  // article among the three was tried beside it: same top-1 and article in three, section in three 83.7% /
  // 90.9%; the article's evidence as its best section's similarity, or the best two or three, or the root of
  // the sum, or the sum of squares: 0.5-2 points lower.
  sectionPhrasingWeight: 1,
  articlePhrasingWeight: 1,
  questionWordBoost: 0.3,
  coverageExponent: 1,
  // A section is not the answer because a sample of it holds a word of the question ("can i pay partners
  // in EUR" → the conversion tag whose sample sends currency 'EUR'). 0 to 1 all score the same on the
  // tuning half; 0 is the one that declines such an answer however the other words weigh.
  codeMatchCredit: 0,
  // Chosen on the tuning half of the help-center questions (bench/search-tune-help-center.ts): 0.25 for
  // both sits in the middle of a plateau from 0.1 to 0.5 (+2 questions of 134); the report half gained 3 of 133.
  definitionTableWeight: 0.25,
  procedureStepsWeight: 0.25,
  // The bot shows a handful of results, so relevance feedback is off; benchmarks choose it per dataset.
  feedbackKeepTop: 10,
  feedbackSections: 10,
  feedbackTerms: 0,
  feedbackWeight: 0.5,
};
