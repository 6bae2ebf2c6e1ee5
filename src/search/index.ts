// Public surface of the help-doc search engine.
export type { ConfidenceRule } from './confidence-rule.js';
export { DEFAULT_CONFIDENCE_RULE } from './confidence-rule.js';
export { DocLoadError } from './doc-load-error.js';
export type { DocArticle, DocAudience, DocSection, SearchAudience } from './doc-section.js';
export { DOMAIN_SYNONYMS, HELP_DESK_PARAPHRASES } from './domain-synonyms.js';
export type { HelpCenter, HelpCenterOptions, ReloadSummary } from './help-center.js';
export { DEFAULT_DOCS_BASE_URL, loadHelpCenter } from './help-center.js';
export type { LoadedDocs } from './load-markdown-docs.js';
export { loadMarkdownDocs } from './load-markdown-docs.js';
export { NoArticlesLoadedError } from './no-articles-loaded-error.js';
export { deepLink, parseArticle } from './parse-article.js';
export type { SearchLogger } from './search-logger.js';
export type { SearchHit, SearchResult } from './search-result.js';
export { sectionAnchor } from './section-anchor.js';
export type { SkippedDocFile } from './skipped-doc-file.js';
