import { describe, expect, it } from 'vitest';
import { buildLunrIndex } from '../../src/search/build-lunr-index.js';
import { compactLunrIndex } from '../../src/search/compact-index.js';
import { DOMAIN_SYNONYMS, HELP_DESK_PARAPHRASES } from '../../src/search/domain-synonyms.js';
import { planQuery } from '../../src/search/plan-query.js';
import { DEFAULT_INDEX_OPTIONS, DEFAULT_QUERY_OPTIONS } from '../../src/search/ranking-options.js';
import { SectionIndex } from '../../src/search/section-index.js';
import { SynonymTable } from '../../src/search/synonym-table.js';

const index = new SectionIndex(
  compactLunrIndex(
    buildLunrIndex(
      [
        {
          id: 'a',
          title: 'Payments',
          headings: 'Payment schedule',
          body: 'Payments are sent monthly.',
          code: '',
          tags: '',
          asked: '',
        },
        {
          id: 'b',
          title: 'Tracking',
          headings: 'Tracking parameters',
          body: 'Set the time zone. Error 403.',
          code: '',
          tags: '',
          asked: '',
        },
        {
          id: 'c',
          title: 'Coupons',
          headings: 'Coupon codes',
          body: 'Create a coupon code for a creator.',
          code: '',
          tags: '',
          asked: '',
        },
        {
          id: 'd',
          title: 'Sign in',
          headings: 'Login problems',
          body: 'Reset your password to sign in again.',
          code: '',
          tags: '',
          asked: '',
        },
      ],
      DEFAULT_INDEX_OPTIONS,
    ),
  ),
);
const synonyms = new SynonymTable([...DOMAIN_SYNONYMS, ...HELP_DESK_PARAPHRASES]);
const plan = (text: unknown) => planQuery(text, index, synonyms, DEFAULT_QUERY_OPTIONS);
const terms = (text: unknown) => [...plan(text).clauses.keys()];
const weightOf = (text: unknown, term: string) => plan(text).clauses.get(term)?.boost;

describe('planQuery: user text never breaks the query', () => {
  const nasty: unknown[] = [
    '',
    '   ',
    '~',
    'payment~2',
    'title:payment',
    'field:',
    '-payment +payment',
    '*',
    'pay*',
    '*ment',
    'payment^10',
    '+',
    '"payment schedule"',
    "'",
    '\\',
    '()[]{}<>|&;$`',
    '🙂🎉 payment 👍🏽',
    ':wave: <@U123> <!here> payment',
    'payment'.repeat(1500),
    'payment '.repeat(1500),
    'é'.repeat(10_000),
    '\u0000\u0007\u200d',
    null,
    undefined,
    42,
    { toString: () => 'payment' },
  ];
  it.each(nasty.map((q) => [String(q).slice(0, 40), q]))('%s', (_label, query) => {
    const result = plan(query);
    for (const term of result.clauses.keys()) expect(term).toMatch(/^[a-z0-9]+$/);
    expect(result.groups.length).toBeLessThanOrEqual(DEFAULT_QUERY_OPTIONS.maxQueryTerms);
  });

  it('keeps the meaningful word from an operator-laden query', () => {
    expect(terms('payment~2')).toContain('payment');
    expect(terms('title:payment')).toContain('payment');
    expect(terms('-payment')).toContain('payment');
  });

  it('drops chat filler, greetings and Slack markup', () => {
    expect(
      plan('hey <@U123ABC> pls, quick question: how do i see payments?? :pray:').groups.map((g) => g.word),
    ).toEqual(['how', 'see', 'payments']);
  });

  it('marks question words, contractions included, and particles as not the topic', () => {
    const topics = (text: string) => Object.fromEntries(plan(text).groups.map((g) => [g.word, g.topic]));
    expect(topics('whats the payment schedule')).toEqual({ whats: false, payment: true, schedule: true });
    expect(topics("what's up")).toEqual({ what: false, up: false });
    expect(weightOf('whats the payment', 'what')).toBe(DEFAULT_QUERY_OPTIONS.questionWordBoost);
  });

  it('leaves no topic word in a question without a content word: filler, function words, letters, wildcards', () => {
    const topicWords = (text: string) =>
      plan(text)
        .groups.filter((g) => g.topic)
        .map((g) => g.word);
    for (const text of [
      'tell me about *',
      'what is * about',
      'e* e* e* e*',
      'tell me about',
      'anything at all',
    ])
      expect(topicWords(text), text).toEqual([]);
    // The words are still searched (they help rank), and count towards the topic next to a content word.
    expect(terms('tell me about *')).toEqual(['about']);
    expect(topicWords('all about payments')).toEqual(['all', 'about', 'payments']);
  });

  it('keeps error codes and drops step numbers', () => {
    expect(terms('error 403 on step 2')).toEqual(expect.arrayContaining(['error', '403']));
    expect(terms('error 403 on step 2')).not.toContain('2');
  });
});

describe('planQuery: matching what the user meant', () => {
  it('folds accents in the query', () => {
    expect(terms('Paiement programmé payment')).toContain('payment');
    expect(plan('créâtor').groups[0]?.word).toBe('creator');
  });

  it('adds domain synonyms at a lower weight than the typed word', () => {
    expect(weightOf('payout', 'payout')).toBe(1);
    expect(weightOf('payout', 'payment')).toBeLessThan(1);
    expect(weightOf('influencer', 'creator')).toBeGreaterThan(0);
    expect(weightOf('can not log in', 'login')).toBeGreaterThan(0);
    expect(weightOf('2fa', 'twofactor')).toBeGreaterThan(0);
  });

  it('matches multi-word synonyms as phrases', () => {
    expect(weightOf('my promo code is invalid', 'coupon')).toBeGreaterThan(0);
    expect(weightOf('my promo is invalid', 'coupon')).toBeUndefined();
  });

  it('tolerates one typo in longer words the index does not know, at a lower weight', () => {
    expect(weightOf('paymnet', 'payment')).toBe(DEFAULT_QUERY_OPTIONS.unknownWordTypoBoost);
    expect(weightOf('cuopon', 'coupon')).toBeGreaterThan(0);
    // Short words have too many neighbours.
    expect(weightOf('tme', 'time')).toBeUndefined();
  });

  it('expands abbreviations and splits or joins compounds the index knows', () => {
    expect(weightOf('tracking params', 'paramet')).toBe(DEFAULT_QUERY_OPTIONS.prefixBoost);
    expect(terms('timezone')).toEqual(expect.arrayContaining(['time', 'zone']));
  });
});
