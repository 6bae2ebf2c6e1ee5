import { compactNameKey, partnerNameKey } from '../../store/partner-name-key.js';

/** A partner as name matching sees it. */
export interface NameEntry {
  readonly id: string;
  readonly partnerId: string;
  readonly name: string;
}

export interface NameMatch {
  readonly entry: NameEntry;
  /** 0..1; 1 = the same name up to case, spaces and punctuation. */
  readonly score: number;
  /**
   * How well the words typed match words of the name, whatever its other words:
   * 1 when each is a whole word of it ("Badger" in every "Badger …" name), less
   * for prefixes and typos, 0 when a word typed is not in it.
   */
  readonly words: number;
}

/**
 * Fuzzy partner-name lookup over one account's names, built for 10k+ names:
 * candidates come from a trigram index, then each is scored by edit distance
 * on the whole name and by how well the words typed cover the name's words
 * ("Northwind" covers "Northwind Deals"; "Nortwind Deals" is one typo away).
 */
export interface PartnerNameIndex {
  readonly size: number;
  /** Partners whose name is the text, ignoring case, spaces and punctuation. */
  exact(text: string): readonly NameEntry[];
  /** The same for a name already in its compact form (`compactNameKey`). */
  exactCompact(compact: string): readonly NameEntry[];
  /** Best matches first; only scores ≥ `minScore` (default and lowest 0.3). */
  search(text: string, limit: number, minScore?: number): NameMatch[];
}

interface Indexed {
  readonly entry: NameEntry;
  readonly compact: string;
  readonly tokens: readonly string[];
  readonly letters: number;
}

function trigrams(compact: string): string[] {
  const padded = ` ${compact} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** Rows of the edit-distance table, reused by every call (names are short; grown when needed). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(2 * (b.length + 1)));
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
    }
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length]!;
}

/** How well one typed word matches one word of a name: 1 exact, less for a prefix or a typo, 0 none. */
function wordMatch(typed: string, word: string): number {
  if (typed === word) return 1;
  if (typed.length >= 3 && word.startsWith(typed)) return 0.9;
  if (typed.length >= 4) {
    const allowed = typed.length >= 8 ? 2 : 1;
    // The distance is at least the difference in length: no need to compute it then.
    if (Math.abs(typed.length - word.length) <= allowed && editDistance(typed, word) <= allowed) return 0.85;
  }
  return 0;
}

/** How the words typed cover a name's words: their mean match, and the share of the name's letters covered. */
function cover(typed: readonly string[], name: Indexed): { words: number; letters: number } {
  const used = new Set<number>();
  let quality = 0;
  let covered = 0;
  for (const t of typed) {
    let best = 0;
    let bestAt = -1;
    name.tokens.forEach((w, k) => {
      if (used.has(k)) return;
      const m = wordMatch(t, w);
      if (m > best) {
        best = m;
        bestAt = k;
      }
    });
    if (best === 0) return { words: 0, letters: 0 };
    used.add(bestAt);
    quality += best;
    // A prefix covers only the letters typed ("cobalt" is a small part of "cobaltcollective").
    covered += best === 0.9 ? t.length : name.tokens[bestAt]!.length;
  }
  return { words: typed.length > 0 ? quality / typed.length : 0, letters: covered / name.letters };
}

function score(typedCompact: string, typedTokens: readonly string[], name: Indexed): NameMatch {
  if (typedCompact === name.compact) return { entry: name.entry, score: 1, words: 1 };
  const full =
    1 - editDistance(typedCompact, name.compact) / Math.max(typedCompact.length, name.compact.length);
  const words = cover(typedTokens, name);
  const covering = words.words > 0 ? 0.55 + 0.4 * words.letters * words.words : 0;
  return { entry: name.entry, score: Math.max(full, covering), words: words.words };
}

/** The lowest score a search returns; `minScore` raises it. */
const MIN_SCORE = 0.3;
/**
 * Searches remembered, and matches kept of each: enough for one question's tries
 * (a few spans of its words, then the best one again), small enough not to
 * weigh on the garbage collector.
 */
const RECENT_SEARCHES = 16;
const KEPT_MATCHES = 16;
/** Names scored per search. */
const MAX_CANDIDATES = 120;

export function createPartnerNameIndex(entries: readonly NameEntry[]): PartnerNameIndex {
  const items: Indexed[] = entries.map((entry) => {
    const tokens = partnerNameKey(entry.name).split(' ').filter(Boolean);
    const compact = tokens.join('');
    return { entry, compact, tokens, letters: Math.max(1, compact.length) };
  });
  const byCompact = new Map<string, NameEntry[]>();
  const byTrigram = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = byCompact.get(item.compact);
    if (list) list.push(item.entry);
    else byCompact.set(item.compact, [item.entry]);
    for (const g of new Set(trigrams(item.compact))) {
      const postings = byTrigram.get(g);
      if (postings) postings.push(i);
      else byTrigram.set(g, [i]);
    }
  });
  const counts = new Int32Array(items.length);
  /**
   * The latest searches' best names (best first, every score ≥ 0.3): a question
   * tries several spans of its words as a name, then the answer searches the best one again.
   */
  const recent = new Map<string, NameMatch[]>();

  function scoreCandidates(key: string): NameMatch[] {
    const typedTokens = key.split(' ').filter(Boolean);
    const typedCompact = typedTokens.join('');
    if (typedCompact.length === 0) return [];
    const grams = [...new Set(trigrams(typedCompact))];
    counts.fill(0);
    const touched: number[] = [];
    for (const g of grams) {
      for (const i of byTrigram.get(g) ?? []) {
        if (counts[i] === 0) touched.push(i);
        counts[i]! += 1;
      }
    }
    // Score only names that share half the trigrams typed (one typo loses at most three);
    // the cut keeps a 10k-name index within a few milliseconds.
    const needed = Math.max(1, Math.floor(grams.length * 0.5));
    // The 120 names sharing the most trigrams, found by bucketing on the shared count
    // (a count is at most the number of trigrams typed) rather than sorting every name touched.
    const buckets: number[][] = Array.from({ length: grams.length + 1 }, () => []);
    for (const i of touched) if (counts[i]! >= needed) buckets[counts[i]!]!.push(i);
    const candidates: number[] = [];
    for (let c = grams.length; c >= needed && candidates.length < MAX_CANDIDATES; c--) {
      for (const i of buckets[c]!) {
        if (candidates.length === MAX_CANDIDATES) break;
        candidates.push(i);
      }
    }
    const matches: NameMatch[] = [];
    for (const i of candidates) {
      const match = score(typedCompact, typedTokens, items[i]!);
      if (match.score >= MIN_SCORE) matches.push(match);
    }
    return matches.sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name));
  }

  return {
    size: items.length,
    exact: (text) => byCompact.get(compactNameKey(text)) ?? [],
    exactCompact: (compact) => byCompact.get(compact) ?? [],
    search(text, limit, minScore = MIN_SCORE) {
      const key = partnerNameKey(text);
      let matches = limit <= KEPT_MATCHES ? recent.get(key) : undefined;
      if (matches) {
        recent.delete(key);
      } else {
        matches = scoreCandidates(key);
        while (recent.size >= RECENT_SEARCHES) recent.delete(recent.keys().next().value!);
      }
      recent.set(key, matches.length > KEPT_MATCHES ? matches.slice(0, KEPT_MATCHES) : matches);
      const out: NameMatch[] = [];
      for (const m of matches) {
        if (out.length >= limit || m.score < minScore) break;
        out.push(m);
      }
      return out;
    },
  };
}
