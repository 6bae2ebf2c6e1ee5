import { foldAccents } from '../search/fold-accents.js';

/**
 * The normalised form of a partner name used for matching: accents folded,
 * lower-case, "&" read as "and", punctuation dropped, single spaces.
 */
export function partnerNameKey(name: string): string {
  return foldAccents(name)
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
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
