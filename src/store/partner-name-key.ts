import { foldAccents } from '../search/fold-accents.js';

/** Letters whose accents are folded ("Café" is "cafe", "Берёзка" is "березка"). */
const FOLDED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]\p{M}*/gu;

/**
 * The normalised form of a partner name used for matching: full-width forms
 * made plain, accents of Latin, Cyrillic and Greek letters folded, lower-case,
 * "&" read as "and", punctuation dropped, single spaces. Letters of every
 * script are kept with their marks (a Japanese dakuten tells two names apart),
 * so a name in any script has a key of its own.
 */
export function partnerNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(FOLDED_LETTER, (letter) => foldAccents(letter))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** The name key without spaces: "Coupon Cave" and "CouponCave" are the same partner. */
export function compactNameKey(name: string): string {
  return partnerNameKey(name).replace(/ /g, '');
}

/**
 * The host of a website or URL, lower-case, without "www." (how the directory
 * matches sites); null when the text is not a URL or host name.
 */
export function domainOf(urlOrHost: string | null | undefined): string | null {
  if (!urlOrHost) return null;
  const text = urlOrHost.trim().toLowerCase();
  if (text === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`;
  try {
    const host = new URL(withScheme).hostname.replace(/^www\./, '').replace(/\.$/, '');
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}
