export interface FuzzyNameMatch {
  id: string;
  name: string;
  /** 0–1; 1 is an exact match of the normalised name. */
  score: number;
}

export interface FuzzyNameMatcher {
  /** Names found in (or close to words of) the text, best first; typos and missing suffixes tolerated. */
  match(text: string, limit?: number): FuzzyNameMatch[];
}

const LEGAL_SUFFIXES = new Set([
  'inc',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'plc',
  'co',
  'corp',
  'corporation',
  'company',
  'srl',
  'oy',
  'ab',
]);
const MIN_SCORE = 0.75;
const PARTIAL_WEIGHT = 0.85;
/** A match scoring above this is of the whole name (up to typos): a first word alone scores at most this. */
export const WHOLE_NAME_SCORE = PARTIAL_WEIGHT;
const MAX_TEXT_CHARS = 2000;

/** The words of a name or text as names are compared: no accents, lower case, "&" read as "and". */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** A name as matching compares it: its words without a legal suffix ("Contoso GmbH" is "contoso"). */
export function nameKey(name: string): string {
  const t = nameWords(name);
  while (t.length > 1 && LEGAL_SUFFIXES.has(t[t.length - 1]!)) t.pop();
  return t.join(' ');
}

function trigrams(s: string): Set<string> {
  const padded = `  ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Damerau–Levenshtein (optimal string alignment) distance, bounded for speed. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
  }
  return prev[b.length]!;
}

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  const allowed = Math.max(1, Math.floor(longest / 4));
  const d = editDistance(a, b, allowed);
  return d > allowed ? 0 : 1 - d / longest;
}

/**
 * A matcher over a name directory (e.g. the brand's partners): finds names mentioned in free text,
 * tolerating typos ("Nortwind Deals"), case, punctuation and legal suffixes ("Inc", "GmbH"). Candidate
 * names come from a trigram index; each is scored against word windows of the text of the same length.
 */
export function createFuzzyNameMatcher(names: ReadonlyArray<{ id: string; name: string }>): FuzzyNameMatcher {
  const entries = names
    .map((n) => ({ ...n, key: nameKey(n.name) }))
    .filter((n) => n.key.length > 0)
    .map((n) => ({ ...n, words: n.key.split(' ').length, first: n.key.split(' ')[0]! }));
  const index = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const g of trigrams(e.key)) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  const maxWords = entries.reduce((m, e) => Math.max(m, e.words), 1);

  return {
    match(text, limit = 5) {
      if (typeof text !== 'string' || entries.length === 0) return [];
      const words = nameWords(text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);
      const windows = new Set<string>();
      for (let n = 1; n <= maxWords; n++) {
        for (let i = 0; i + n <= words.length; i++) windows.add(words.slice(i, i + n).join(' '));
      }
      const best = new Map<number, number>();
      for (const window of windows) {
        if (window.length < 3) continue;
        const grams = trigrams(window);
        const hits = new Map<number, number>();
        for (const g of grams) for (const i of index.get(g) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
        for (const [i, shared] of hits) {
          const e = entries[i]!;
          // Cheap filter: a close spelling shares a good part of its trigrams.
          if (shared < Math.min(grams.size, e.key.length + 2) * 0.4) continue;
          // A distinctive first word alone ("Northwind") is a weaker match of the whole name.
          const partial =
            e.words > 1 && e.first.length >= 4 ? PARTIAL_WEIGHT * similarity(window, e.first) : 0;
          const score = Math.max(similarity(window, e.key), partial);
          if (score >= MIN_SCORE && score > (best.get(i) ?? 0)) best.set(i, score);
        }
      }
      return [...best]
        .map(([i, score]) => ({ id: entries[i]!.id, name: entries[i]!.name, score }))
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .slice(0, limit);
    },
  };
}
