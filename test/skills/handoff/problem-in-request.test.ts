import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentMatcher } from '../../../src/core/router.js';
import { loadIntentMatcher } from '../../../src/nlu-matcher.js';
import { problemInRequest } from '../../../src/skills/handoff/problem-in-request.js';

describe('what a request for a person says about the problem, as the intent engine reads it', () => {
  let matcher: IntentMatcher;
  beforeAll(async () => {
    matcher = await loadIntentMatcher({ intentsDir: resolve('intents') });
  });

  it.each([
    [
      'I need to talk to a person, our May payouts to partners are missing',
      'our May payouts to partners are missing',
    ],
    ['our May payouts to partners are missing, get me a human', 'our May payouts to partners are missing'],
    ['talk to a person because the tracking pixel stopped firing', 'the tracking pixel stopped firing'],
    [
      'I need to talk to someone about the campaign showing zero clicks since Monday',
      'the campaign showing zero clicks since Monday',
    ],
    [
      'I need to talk to someone about https://app.example.com/campaigns/4821 showing zero clicks since Monday',
      'https://app.example.com/campaigns/4821 showing zero clicks since Monday',
    ],
    [
      'get me a person regarding <https://app.example.com/c/4821|Campaign 4821: spring> showing no sales',
      '<https://app.example.com/c/4821|Campaign 4821: spring> showing no sales',
    ],
  ])('"%s" → "%s"', (text, problem) => {
    expect(problemInRequest(text, matcher)).toBe(problem);
  });

  it.each([
    'talk to a person',
    'can i talk to someone pls',
    'human please!!',
    'I want to speak to an agent, asap',
    'get me a real agent, this bot is useless',
    "Can I talk to a person? I'd appreciate a quick reply",
    'I want to talk to an agent about it',
  ])('"%s" is a request alone', (text) => {
    expect(problemInRequest(text, matcher)).toBeNull();
  });
});
