import type { AnswerParsers, IntentMatcher } from './core/router.js';
import type { IntentResult } from './core/turn-context.js';
import type { MatchContext } from './nlu/match-context.js';

export type { MatchContext } from './nlu/match-context.js';
export type { PartnerDirectoryNames } from './nlu/named-partner-question.js';

/** The intent engine as the router and modules use it. */
export interface AppMatcher extends IntentMatcher {
  /**
   * Classifies a message; a question naming a partner (of the writer's partner directory when
   * `context` gives it) and asking a fact about it ("what's the status of Blue Deals?") is `partner.query`.
   */
  match(text: string, context?: MatchContext): IntentResult;
  /**
   * Whether `match` could read the writer's partner directory for this message (load it only then);
   * a matcher without it never reads one.
   */
  readsPartnerDirectory?(text: string): boolean;
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
    match(text, context) {
      const m = engine.match(text, context);
      return { name: m.name, confidence: m.confidence, skill: m.name === 'none' ? null : (m.skill ?? null) };
    },
    readsPartnerDirectory: (text) => engine.readsPartnerDirectory(text),
    skillFor: (intent) => skills.get(intent) ?? null,
    describe: () =>
      engine.intents().map((i) => ({ name: i.name, skill: i.skill, description: i.description })),
    answers: { isCancel: answers.isCancel, parseYesNo: answers.parseYesNo },
  };
}
