/** Deterministic PRNG (mulberry32) so the tuning/report split is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits items into a tuning half and a report half with a seeded shuffle. */
export function seededSplit<T>(
  items: readonly T[],
  seed: number,
  tuneShare = 0.5,
): { tune: T[]; report: T[] } {
  const random = mulberry32(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const cut = Math.round(shuffled.length * tuneShare);
  return { tune: shuffled.slice(0, cut), report: shuffled.slice(cut) };
}

/** Seed of the help-center question split: fixed, so the tuning and report halves never change. */
export const HELP_CENTER_SPLIT_SEED = 7;

/** Question files never split: written after the settings were chosen, they only ever count for the report. */
export const HELD_OUT_FILE = /-heldout\.ya?ml$/;
/** Question files never split the other way: written to choose settings on, they only ever count for tuning. */
export const TUNING_FILE = /-tuning\.ya?ml$/;

/**
 * Splits help-center questions (the question files pooled) into a tuning
 * half and a report half; answerable and unanswerable questions are split
 * separately, so each half has its share of both. Questions of held-out files
 * (HELD_OUT_FILE) all go to the report half, those of tuning files (TUNING_FILE)
 * all to the tuning half, and the others split as if those files did not exist,
 * so adding one never moves a question between halves.
 */
export function splitHelpCenterQuestions<A extends { file: string }, U extends { file: string }>(
  sets: { answerable: readonly A[]; unanswerable: readonly U[] },
  seed = HELP_CENTER_SPLIT_SEED,
): { tune: { answerable: A[]; unanswerable: U[] }; report: { answerable: A[]; unanswerable: U[] } } {
  const heldOut = (q: { file: string }) => HELD_OUT_FILE.test(q.file);
  const tuning = (q: { file: string }) => TUNING_FILE.test(q.file);
  const pooled = (q: { file: string }) => !heldOut(q) && !tuning(q);
  const answerable = seededSplit(sets.answerable.filter(pooled), seed);
  const unanswerable = seededSplit(sets.unanswerable.filter(pooled), seed + 1);
  return {
    tune: {
      answerable: [...answerable.tune, ...sets.answerable.filter(tuning)],
      unanswerable: [...unanswerable.tune, ...sets.unanswerable.filter(tuning)],
    },
    report: {
      answerable: [...answerable.report, ...sets.answerable.filter(heldOut)],
      unanswerable: [...unanswerable.report, ...sets.unanswerable.filter(heldOut)],
    },
  };
}
