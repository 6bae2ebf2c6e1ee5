/** A social-reach condition read from a question ("more than 100k followers"). */
export interface ReachMatch {
  readonly min?: number;
  readonly max?: number;
  readonly spans: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

const NOUN = '(?:social reach|reach|followers?|fans?|subscribers?|audience)';
const MORE = '(?:more than|over|above|at least|greater than|bigger than|min(?:imum)?(?: of)?|>=?)';
const LESS = '(?:less than|fewer than|under|below|at most|max(?:imum)?(?: of)?|<=?)';
const NUMBER = '(\\d[\\d,.]*)\\s*(k|m|thousand|million)?';

function value(digits: string, unit: string | undefined): number {
  const n = Number(digits.replace(/,/g, ''));
  const scale =
    unit === 'k' || unit === 'thousand' ? 1_000 : unit === 'm' || unit === 'million' ? 1_000_000 : 1;
  return Math.round(n * scale);
}

/** Reach expressions, compiled once (`matchAll` works on a copy, so they keep no state). */
const RULES: ReadonlyArray<readonly [RegExp, 'min' | 'max' | 'between']> = [
  [new RegExp(`\\bbetween ${NUMBER} and ${NUMBER} ${NOUN}`, 'g'), 'between'],
  [new RegExp(`${MORE}\\s*${NUMBER}\\s*${NOUN}`, 'g'), 'min'],
  [new RegExp(`${LESS}\\s*${NUMBER}\\s*${NOUN}`, 'g'), 'max'],
  [new RegExp(`\\b${NOUN} (?:of |is |that is )?${MORE}\\s*${NUMBER}`, 'g'), 'min'],
  [new RegExp(`\\b${NOUN} (?:of |is |that is )?${LESS}\\s*${NUMBER}`, 'g'), 'max'],
  [new RegExp(`\\b${NUMBER}\\s*\\+\\s*${NOUN}`, 'g'), 'min'],
];

/** Finds reach bounds in lower-case text: "over 100k followers", "reach under 5,000", "50k+ followers". */
export function findReach(text: string): ReachMatch {
  let min: number | undefined;
  let max: number | undefined;
  const spans: Array<{ start: number; end: number }> = [];
  let rest = text;
  for (const [pattern, kind] of RULES) {
    for (const m of rest.matchAll(pattern)) {
      if (kind === 'between') {
        min = value(m[1]!, m[2]);
        max = value(m[3]!, m[4]);
      } else if (kind === 'min') min = value(m[1]!, m[2]);
      else max = value(m[1]!, m[2]);
      spans.push({ start: m.index, end: m.index + m[0].length });
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), spans };
}
