import type { UserKind } from '../../domain/user.js';

/** One help-doc section offered to a user. */
export interface DocSuggestion {
  readonly sectionId: string;
  readonly articleTitle: string;
  readonly heading: string;
  readonly url: string;
  /** Short extract; matched words in **bold**. */
  readonly extract: string;
}

/** What the docs module offers other modules (`shared.docs`): suggestions before a ticket is filed. */
export interface DocSuggestions {
  /** Confident matches only; [] when nothing good was found. */
  suggest(text: string, audience: UserKind, limit: number): DocSuggestion[];
  /** Records that suggestions answered a question instead of a ticket (deflection analytics). */
  recordDeflection(input: {
    userId: string;
    accountId: string;
    conversationId: string | null;
    query: string;
    sectionIds: readonly string[];
    helpful: boolean;
  }): Promise<void>;
}
