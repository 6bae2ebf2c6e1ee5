import { compactNameKey } from '../../store/partner-name-key.js';

/** What a named directory entry is; the word that stands in for its name in the searched question. */
export type NameRole = 'brand' | 'partner';

/** Whether a run of words, in its compact name form ("acmeoutdoor"), is a brand or partner the asker may name. */
export type IsKnownName = (compactKey: string) => NameRole | null;

/** True when the help docs use the word (folded, any form): a name made only of such words reads as a question. */
export type IsHelpWord = (word: string) => boolean;

/** A word as names are typed: "CouponCave", "couponcave.com", "Macy's", "&" (read as "and"). */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’&+]|[.-](?=[\p{L}\p{N}]))*|&/gu;
const POSSESSIVE = /['’]s?$/;
/** Longest name looked for, in words. */
const MAX_NAME_WORDS = 6;
/** Shortest text that is ever taken for a name ("go", "ab" are words first). */
const MIN_NAME_LETTERS = 3;

interface Word {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  /** The key without a possessive ("Outdoor's" → "outdoor"): only the last word of a name may carry one. */
  readonly bareKey: string;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    key: compactNameKey(m[0]),
    bareKey: compactNameKey(m[0].replace(POSSESSIVE, '')),
  }));
}

/**
 * Where the text names a brand or partner of the directory: runs of whole words
 * that are exactly a known name (up to case, spaces and punctuation), longest
 * first, left to right, never overlapping. A run whose every word the help docs
 * use is left alone ("Coupon Codes" as a partner's name must not eat the topic
 * of "how do coupon codes work"); so are numbers and runs under three letters.
 */
export function findDirectoryNames(
  text: string,
  isKnownName: IsKnownName,
  isHelpWord: IsHelpWord,
): Array<{ start: number; end: number; role: NameRole }> {
  const words = wordsOf(text);
  const spans: Array<{ start: number; end: number; role: NameRole }> = [];
  let i = 0;
  while (i < words.length) {
    let length = Math.min(MAX_NAME_WORDS, words.length - i);
    let role: NameRole | null = null;
    for (; length >= 1; length--) {
      const run = words.slice(i, i + length);
      const head = run
        .slice(0, -1)
        .map((w) => w.key)
        .join('');
      const last = run[run.length - 1]!;
      role = null;
      for (const key of [head + last.key, head + last.bareKey]) {
        if (key.length >= MIN_NAME_LETTERS && !/^\d+$/.test(key)) role ??= isKnownName(key);
      }
      if (role && !run.every((w) => isHelpWord(w.bareKey))) break;
    }
    if (length === 0 || !role) {
      i += 1;
      continue;
    }
    spans.push({ start: words[i]!.start, end: words[i + length - 1]!.end, role });
    i += length;
  }
  return spans;
}

/**
 * The text with the directory names it mentions taken out, other words untouched. A partner's name
 * becomes the word "partner": "how do I invite Quillmont Outfitters" is still about inviting a partner,
 * not a user. A brand's name is blanked: partners ask about brands in nearly every question, so the
 * word would only pull answers towards articles about brands' terms.
 */
export function withoutDirectoryNames(
  text: string,
  isKnownName: IsKnownName,
  isHelpWord: IsHelpWord,
): string {
  let out = text;
  for (const span of findDirectoryNames(text, isKnownName, isHelpWord).reverse()) {
    const stand = span.role === 'partner' ? 'partner' : ' '.repeat(span.end - span.start);
    out = `${out.slice(0, span.start)}${stand}${out.slice(span.end)}`;
  }
  return out;
}
