import { unique } from './entity-text.js';

/** Region codes that Intl knows but that are not countries (or are reserved/special). */
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'ZZ',
  'QO',
  'AC',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'XA',
  'XB',
  'AQ',
  'BV',
  'HM',
  'UM',
]);

/** Common names and aliases that Intl's English names do not cover. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  america: 'US',
  'united states of america': 'US',
  'the states': 'US',
  uk: 'GB',
  'u.k.': 'GB',
  britain: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  deutschland: 'DE',
  holland: 'NL',
  'the netherlands': 'NL',
  nederland: 'NL',
  españa: 'ES',
  espana: 'ES',
  italia: 'IT',
  brasil: 'BR',
  méxico: 'MX',
  österreich: 'AT',
  osterreich: 'AT',
  schweiz: 'CH',
  suisse: 'CH',
  svizzera: 'CH',
  belgique: 'BE',
  belgie: 'BE',
  belgië: 'BE',
  danmark: 'DK',
  norge: 'NO',
  sverige: 'SE',
  suomi: 'FI',
  polska: 'PL',
  eire: 'IE',
  éire: 'IE',
  nippon: 'JP',
  uae: 'AE',
  emirates: 'AE',
  'south korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  russia: 'RU',
  turkey: 'TR',
  turkiye: 'TR',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  vietnam: 'VN',
  'viet nam': 'VN',
  'hong kong': 'HK',
  macau: 'MO',
  taiwan: 'TW',
  burma: 'MM',
  'cape verde': 'CV',
  swaziland: 'SZ',
  'east timor': 'TL',
  'vatican city': 'VA',
  vatican: 'VA',
  'the philippines': 'PH',
  'dr congo': 'CD',
  drc: 'CD',
  'republic of ireland': 'IE',
  'new zealand': 'NZ',
  aotearoa: 'NZ',
  'south africa': 'ZA',
  saudi: 'SA',
  ksa: 'SA',
};

/** Names that are also ordinary English words or first names: only counted when written with a capital. */
const NEEDS_CAPITAL = new Set([
  'chad',
  'jordan',
  'georgia',
  'turkey',
  'guinea',
  'jersey',
  'niger',
  'china',
  'chile',
  'oman',
  'mali',
  'peru',
  'cuba',
  'togo',
  'iran',
  'man',
  'america',
  'korea',
  'wales',
]);

/** Two-letter codes that are also English words or common abbreviations: never read as a country code. */
const AMBIGUOUS_CODES = new Set([
  'IN',
  'IS',
  'IT',
  'AT',
  'BE',
  'BY',
  'DO',
  'GO',
  'ME',
  'MY',
  'NO',
  'OR',
  'SO',
  'TO',
  'AM',
  'AS',
  'AN',
  'HI',
  'OK',
  'ID',
  'PM',
  'AI',
  'TV',
  'PR',
  'IO',
  'CV',
  'PS',
  'UM',
  'AD',
  'MS',
  'NE',
  'PE',
  'RE',
  'SE',
  'ST',
  'TM',
  'GA',
  'MA',
  'LA',
  'AL',
  'CO',
  'DE',
  'IL',
  'MD',
  'MT',
  'NC',
  'PA',
  'SC',
  'SD',
  'VA',
  'AR',
  'AZ',
  'KY',
  'MN',
  'MO',
]);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Deprecated codes (DD, FX, YU…) canonicalise to their successor and would shadow it. */
function isCanonicalRegion(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  } catch {
    return false;
  }
}

function buildNames(): { byName: Map<string, string>; codes: Set<string> } {
  const byName = new Map<string, string>();
  const codes = new Set<string>();
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      if (NOT_COUNTRIES.has(code) || !isCanonicalRegion(code)) continue;
      let name: string | undefined;
      try {
        name = regionNames.of(code);
      } catch {
        name = undefined;
      }
      if (!name || name === code || /unknown/i.test(name)) continue;
      codes.add(code);
      const lower = name.toLowerCase().replace(/[’]/g, "'");
      const variants = [
        lower,
        lower.replace(/ & /g, ' and '),
        lower.replace(/^st\. /, 'saint '),
        lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''),
      ];
      for (const v of variants) byName.set(v, code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(alias, code);
  return { byName, codes };
}

const { byName, codes: COUNTRY_CODES } = buildNames();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAME_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
/** Words after which a capitalised "Chad" or "Jordan" is a place rather than a person. */
const PLACE_CUE = /\b(?:in|from|to|for|of|across|based in|located in|and|or)\s+$|,\s*$/i;
const CODE_PATTERN =
  /\b(?:in|from|for|to|based in|located in|country|countries|and|or)\s+([A-Z]{2})\b(?![.-]\w)/g;
const STANDALONE_CODE = /\b(US|USA|UK|UAE)\b/g;

/** ISO 3166-1 alpha-2 codes of countries named in the text (names, aliases, and unambiguous codes). */
export function extractCountries(text: string): string[] {
  const found: Array<{ at: number; code: string }> = [];
  for (const m of text.matchAll(NAME_PATTERN)) {
    const lower = m[1]!.toLowerCase();
    if (NEEDS_CAPITAL.has(lower) && (!/^\p{Lu}/u.test(m[1]!) || !PLACE_CUE.test(text.slice(0, m.index))))
      continue;
    // "US" in lower case is the pronoun; the upper-case forms are handled below.
    if (lower === 'us' || lower === 'uk' || lower === 'usa' || lower === 'uae') continue;
    const code = byName.get(lower);
    if (code) found.push({ at: m.index, code });
  }
  for (const m of text.matchAll(STANDALONE_CODE))
    found.push({ at: m.index, code: ALIASES[m[1]!.toLowerCase()] ?? m[1]! });
  for (const m of text.matchAll(CODE_PATTERN)) {
    const code = m[1]!;
    if (COUNTRY_CODES.has(code) && !AMBIGUOUS_CODES.has(code))
      found.push({ at: m.index + m[0].length - 2, code });
  }
  return unique(found.sort((a, b) => a.at - b.at).map((f) => f.code));
}
