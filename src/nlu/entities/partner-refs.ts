import { extractCountries } from './countries.js';
import { EMAIL_PATTERN } from './emails.js';
import { maskMatches, unique } from './entity-text.js';

export interface PartnerRef {
  kind: 'id' | 'url' | 'name';
  value: string;
}

/** "partner 40213", "partner id 40213", "affiliate #88123", "pid=40213". */
export const PARTNER_ID_PATTERN =
  /\b(?:partners?|affiliates?|publishers?|creators?|pid)(?:\s*(?:id|#|no\.?|number|nr\.?))?\s*[:#=]?\s*#?(\d{3,12})\b/gi;

const TLDS =
  'com|net|org|io|co|de|uk|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|ie|us|ca|au|nz|jp|in|br|mx|shop|store|biz|info|app|me|blog|club|deals|online|site|tv';
export const URL_PATTERN = new RegExp(
  `\\bhttps?://[^\\s<>|]+|\\b(?:www\\.)?[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})\\b(?:/[^\\s<>|]*)?`,
  'gi',
);

const NAME_STOPWORDS = new Set(
  'I A An The My Our We You Hi Hello Hey Thanks Please Can Could Would How What Who Which When Where Why Is Are Do Does Did Show List Find Tell Give Get Any All Slack Teams Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Partner Partners Ticket Tickets Campaign OK Okay Yes No'.split(
    ' ',
  ),
);

const QUOTED = /["“”'‘’]([^"“”'‘’]{2,60})["“”'‘’]/g;
/** Capitalised words in any script ("Müller & Söhne", "Café Olé"), not split inside a word. */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}&'.-]*(?:\s+(?:&|and|of|the|\p{Lu}[\p{L}&'.-]*))*\s+\p{Lu}(?:[\p{L}&'.-]*\p{L})?)(?![\p{L}\p{N}])/gu;
const AFTER_PARTNER_WORD =
  /\b(?:partner|affiliate|creator|publisher|influencer)\s+(?:named\s+|called\s+)?([A-Z][\w&'.-]+)/g;

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]]+$/, '');
}

/**
 * Partner references: numeric partner IDs, URLs/domains, and candidate names (quoted, Capitalised runs
 * such as "Northwind Deals", or a capitalised word after "partner"). Candidate names are meant for the
 * fuzzy matcher over the partner directory, which decides what they are.
 */
export function extractPartnerRefs(text: string): PartnerRef[] {
  const refs: PartnerRef[] = [];
  for (const m of text.matchAll(PARTNER_ID_PATTERN)) refs.push({ kind: 'id', value: m[1]! });
  const withoutEmails = maskMatches(text, EMAIL_PATTERN);
  for (const m of withoutEmails.matchAll(URL_PATTERN)) refs.push({ kind: 'url', value: trimUrl(m[0]) });
  const plain = maskMatches(maskMatches(withoutEmails, URL_PATTERN), PARTNER_ID_PATTERN);
  const names: string[] = [];
  for (const m of plain.matchAll(QUOTED)) names.push(m[1]!.trim());
  for (const m of plain.matchAll(CAPITALISED_RUN)) {
    const words = m[1]!.split(/\s+/);
    while (words.length > 0 && NAME_STOPWORDS.has(words[0]!)) words.shift();
    while (words.length > 0 && NAME_STOPWORDS.has(words[words.length - 1]!)) words.pop();
    if (words.length >= 2 || (words.length === 1 && words[0]!.length > 2 && m.index > 0))
      names.push(words.join(' '));
  }
  for (const m of plain.matchAll(AFTER_PARTNER_WORD)) if (!NAME_STOPWORDS.has(m[1]!)) names.push(m[1]!);
  // Country names are capitalised too; they are countries, not partners.
  const seen = unique(names.filter((n) => n.length > 1 && extractCountries(n).length === 0));
  // Drop a name that is part of a longer one found too ("Northwind" inside "Northwind Deals").
  const distinct = seen.filter((n) => !seen.some((o) => o !== n && o.includes(n)));
  for (const name of distinct) refs.push({ kind: 'name', value: name });
  const key = (r: PartnerRef) => `${r.kind}\u0000${r.value.toLowerCase()}`;
  return refs.filter((r, i) => refs.findIndex((o) => key(o) === key(r)) === i);
}
