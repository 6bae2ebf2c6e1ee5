import type { UserKind } from '../../domain/user.js';
import type { HelpCenter } from '../../search/help-center.js';
import type { SearchHit } from '../../search/search-result.js';
import type { DocSuggestion } from './doc-suggestions.js';

/**
 * Help sections for a ticket draft, "subject\ndescription" (the first line is the
 * subject). The subject, the description and both together are searched apart, each
 * held to the bar of a chat answer: a long description dilutes the subject's words, so
 * "the pixel stopped firing" plus three lines about a checkout page matched the
 * "Pixel not firing" section too weakly to be shown. Sections are kept in that order
 * (the subject's first), each once, up to `limit`.
 */
export function suggestForDraft(
  helpCenter: Pick<HelpCenter, 'search'>,
  draft: string,
  audience: UserKind,
  limit: number,
): DocSuggestion[] {
  const text = draft.trim();
  const newline = text.indexOf('\n');
  const subject = newline < 0 ? text : text.slice(0, newline).trim();
  const description = newline < 0 ? '' : text.slice(newline + 1).trim();
  const queries = [subject, description, description && subject ? text : ''].filter(Boolean);
  const found = new Map<string, DocSuggestion>();
  for (const query of queries) {
    const result = helpCenter.search(query, { audience, limit });
    if (!result.confident) continue;
    for (const hit of result.hits) {
      if (found.size >= limit) break;
      if (!found.has(hit.section.id)) found.set(hit.section.id, suggestion(hit));
    }
  }
  return [...found.values()];
}

function suggestion(hit: SearchHit): DocSuggestion {
  return {
    sectionId: hit.section.id,
    articleTitle: hit.section.articleTitle,
    heading: hit.section.heading,
    url: hit.section.url,
    extract: hit.extract,
  };
}
