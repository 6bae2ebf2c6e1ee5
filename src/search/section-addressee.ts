import type { DocSection, SearchAudience } from './doc-section.js';

// "For partners: ...", "Issue types for brand users", "Answer a dispute (brands)", "as a partner".
const ADDRESSED_TO =
  /\b(?:for|as an?)\s+(brand|partner)s?\b|\((brand|partner)s?(?: users?)?\)|\b(brand|partner) users?\b/i;

/**
 * Which kind of user a section speaks to: the article's audience, or, in an
 * article for everyone, the one its heading names ("For brands: ...").
 * "Brand user or partner user?" names both and so speaks to everyone.
 */
export function sectionAddressee(section: DocSection): SearchAudience | undefined {
  if (section.audience !== 'all') return section.audience;
  const named = new Set<string>();
  for (const heading of [section.parentHeading ?? '', section.anchor ? section.heading : '']) {
    const match = ADDRESSED_TO.exec(heading);
    const who = (match?.[1] ?? match?.[2] ?? match?.[3])?.toLowerCase();
    if (who) named.add(who);
    if (/\bbrand\b.*\bpartner\b|\bpartner\b.*\bbrand\b/i.test(heading)) return undefined;
  }
  return named.size === 1 ? ([...named][0] as SearchAudience) : undefined;
}
