import { foldAccents } from './fold-accents.js';

/**
 * The anchor of a heading: lower-cased, accents removed, every run of
 * characters other than a-z/0-9 turned into one `-`, no leading or trailing
 * `-` ("Payouts & Tax (US)" → "payouts-tax-us"). A heading with no letters
 * or digits gets "section".
 */
export function sectionAnchor(heading: string): string {
  const anchor = foldAccents(heading)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return anchor || 'section';
}

/** Hands out unique anchors within one article: repeats get `-2`, `-3`, ... */
export class AnchorAllocator {
  private readonly used = new Set<string>(['']);

  next(heading: string): string {
    const base = sectionAnchor(heading);
    let anchor = base;
    for (let n = 2; this.used.has(anchor); n++) anchor = `${base}-${n}`;
    this.used.add(anchor);
    return anchor;
  }
}
