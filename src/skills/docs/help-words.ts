import type { DocSection } from '../../search/doc-section.js';
import type { HelpCenter } from '../../search/help-center.js';
import { stemWord } from '../../search/stem-word.js';
import { tokenizeWords } from '../../search/tokenize-words.js';
import type { IsHelpWord } from './directory-name-spans.js';

/** The word stems of the help docs a user reads (titles, headings, text, tags, asked phrasings). */
function stemsOf(sections: readonly DocSection[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const s of sections) {
    const text = [s.articleTitle, s.heading, s.prose, ...s.tags, ...s.asked].join('\n');
    for (const word of tokenizeWords(text)) words.add(word);
  }
  return new Set([...words].map(stemWord));
}

/**
 * Whether the help docs use a word (in any form: "deals" for "deal"). Worked out
 * on first use and again only after the docs were reloaded.
 */
export function helpWordsOf(helpCenter: HelpCenter): IsHelpWord {
  let seen: readonly DocSection[] | undefined;
  let stems: ReadonlySet<string> = new Set();
  return (word) => {
    const sections = helpCenter.sections();
    if (sections !== seen) {
      stems = stemsOf(sections);
      seen = sections;
    }
    return stems.has(stemWord(word));
  };
}
