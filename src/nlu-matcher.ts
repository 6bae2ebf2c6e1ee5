import type { AnswerParsers, IntentMatcher } from './core/router.js';
import type { IntentResult } from './core/turn-context.js';

/** The intent engine as the router and modules use it. */
export interface AppMatcher extends IntentMatcher {
  readonly answers: AnswerParsers;
  skillFor(intent: string): string | null;
  /** Intents with their one-line descriptions, for help texts. */
  describe(): ReadonlyArray<{ name: string; skill: string; description: string }>;
}

/** Loads intents/ and the classifier (trained at start or read from the cache). */
export async function loadIntentMatcher(opts: {
  intentsDir: string;
  cacheDir?: string;
  logger?: { info(o: object, msg?: string): void };
}): Promise<AppMatcher> {
  const [{ loadNluEngine }, answers] = await Promise.all([
    import('./nlu/nlu-engine.js'),
    import('./nlu/answer-parsers.js'),
  ]);
  const engine = await loadNluEngine(opts);
  const skills = new Map(engine.intents().map((i) => [i.name, i.skill]));
  return {
    match(text: string): IntentResult {
      const m = engine.match(text);
      return { name: m.name, confidence: m.confidence, skill: m.name === 'none' ? null : (m.skill ?? null) };
    },
    skillFor: (intent) => skills.get(intent) ?? null,
    describe: () =>
      engine.intents().map((i) => ({ name: i.name, skill: i.skill, description: i.description })),
    answers: { isCancel: answers.isCancel, parseYesNo: answers.parseYesNo },
  };
}
