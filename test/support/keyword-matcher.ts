import type { AppMatcher } from '../../src/nlu-matcher.js';

/**
 * A tiny deterministic intent matcher for tests of the core pipeline, so they do
 * not depend on the trained classifier. Skill tests use the real engine.
 */
export function keywordMatcher(rules: ReadonlyArray<[RegExp, string, string]>): AppMatcher {
  const skills = new Map(rules.map(([, intent, skill]) => [intent, skill]));
  return {
    match(text) {
      for (const [pattern, intent, skill] of rules) {
        if (pattern.test(text)) return { name: intent, confidence: 0.95, skill };
      }
      return { name: 'none', confidence: 0.2, skill: null };
    },
    skillFor: (intent) => skills.get(intent) ?? null,
    describe: () => rules.map(([, name, skill]) => ({ name, skill, description: name })),
    answers: {
      isCancel: (text) => /^(cancel|never ?mind|stop)$/i.test(text.trim()),
      parseYesNo: (text) =>
        /^(y|yes|yep|sure)$/i.test(text.trim()) ? 'yes' : /^(n|no|nope)$/i.test(text.trim()) ? 'no' : null,
    },
  };
}

export const basicRules: ReadonlyArray<[RegExp, string, string]> = [
  [/^(hi|hello|hey)\b/i, 'smalltalk.greeting', 'smalltalk'],
  [/\bthanks?\b/i, 'smalltalk.thanks', 'smalltalk'],
  [/^help\b|what can you do/i, 'bot.help', 'core'],
];
