/** The most characters a ticket subject may have (support process rule). */
export const MAX_SUBJECT_CHARS = 140;

const GREETING = /^(?:(?:hi|hello|hey|dear)\b[^,.!?\n]*[,.!\n]\s*)+/i;
const FILLER = /^(?:(?:so|well|ok|okay|please|pls|quick question)[,:]?\s+)+/i;

/**
 * Proposes a subject of at most MAX_SUBJECT_CHARS for a long message: greeting
 * dropped, the first sentence if it fits, else cut at a word boundary with "…".
 */
export function shortenSubject(text: string, max = MAX_SUBJECT_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim().replace(GREETING, '').replace(FILLER, '').trim();
  const firstSentence = clean.match(/^.+?[.!?](?=\s|$)/)?.[0]?.trim();
  if (firstSentence && firstSentence.length >= 15 && firstSentence.length <= max) {
    return capitalise(firstSentence.replace(/[.!]$/, ''));
  }
  if (clean.length <= max) return capitalise(clean);
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return capitalise(`${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}…`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
