import type { IssueType } from '../../domain/issue-types.js';
import { issueTypesFor } from '../../domain/issue-types.js';
import type { UserKind } from '../../domain/user.js';
import { ISSUE_TYPE_KEYWORDS } from './issue-type-keywords.js';
import { contentWords } from './ticket-text-features.js';

export interface ScoredIssueType {
  readonly type: IssueType;
  readonly score: number;
}

/** Below this a guess is not worth showing: the user picks from the list instead. */
export const MIN_SUGGESTION_SCORE = 1;

interface CompiledType {
  readonly type: IssueType;
  /** Each phrase as stemmed words. */
  readonly phrases: readonly (readonly string[])[];
}

const compiled = new Map<UserKind, readonly CompiledType[]>();

function typesFor(kind: UserKind): readonly CompiledType[] {
  let list = compiled.get(kind);
  if (!list) {
    list = issueTypesFor(kind).map((type) => ({
      type,
      // Stemming makes "tracking" and "track" one phrase: count it once.
      phrases: [
        ...new Map(
          (ISSUE_TYPE_KEYWORDS[type.id] ?? [])
            .map((p) => contentWords(p))
            .filter((words) => words.length > 0)
            .map((words) => [words.join(' '), words] as const),
        ).values(),
      ],
    }));
    compiled.set(kind, list);
  }
  return list;
}

/**
 * Ranks the issue types of the user's kind for a text: each keyword phrase found
 * scores its length in words (a phrase says more than a word), counted once.
 * Best first; types that scored nothing are left out.
 */
export function rankIssueTypes(text: string, kind: UserKind): ScoredIssueType[] {
  const words = contentWords(text);
  const scored = typesFor(kind).map(({ type, phrases }) => ({
    type,
    score: phrases.reduce((sum, phrase) => sum + (containsPhrase(words, phrase) ? phrase.length : 0), 0),
  }));
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
}

/** The type to propose for confirmation, or null when nothing stands out (a tie or too weak). */
export function suggestIssueType(text: string, kind: UserKind): IssueType | null {
  const [best, second] = rankIssueTypes(text, kind);
  if (!best || best.score < MIN_SUGGESTION_SCORE) return null;
  if (second && second.score === best.score) return null;
  return best.type;
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
