import { describe, expect, it } from 'vitest';
import { createFuzzyNameMatcher, extractEntities } from '../../../src/nlu/entities/index.js';

const now = new Date('2026-11-21T10:00:00Z');

describe('extractEntities', () => {
  it('runs every extractor on Slack-formatted text', () => {
    const e = extractEntities(
      '<@U123> :wave: ticket #1042 is about campaign 48213 for partners in <#C1|germany> since Monday, cc <mailto:jane@acme.com|jane@acme.com>, still open',
      { now },
    );
    expect(e).toMatchObject({
      ticketNumbers: [1042],
      campaignIds: ['48213'],
      emails: ['jane@acme.com'],
      statuses: ['open'],
      countries: ['DE'],
      period: { label: 'since Monday' },
    });
  });

  it('resolves partner names against the directory when a matcher is given', () => {
    const partnerMatcher = createFuzzyNameMatcher([{ id: 'p1', name: 'Northwind Deals' }]);
    const e = extractEntities('who manages nortwind deals', { now, partnerMatcher });
    expect(e.partnerRefs).toEqual([{ kind: 'name', value: 'Northwind Deals' }]);
  });

  it('uses the issue types of the user kind', () => {
    expect(extractEntities('my tax form', { now, kind: 'partner' }).issueTypes).toEqual([
      'finance_tax_contracts',
    ]);
    expect(extractEntities('payout failed', { now }).issueTypes).toEqual(['payments_finance']);
  });

  it('returns empty entities for empty, emoji-only and huge input', () => {
    const empty = {
      ticketNumbers: [],
      campaignIds: [],
      emails: [],
      statuses: [],
      issueTypes: [],
      countries: [],
      partnerRefs: [],
    };
    expect(extractEntities('', { now })).toEqual(empty);
    expect(extractEntities('🎉 :tada:', { now })).toEqual(empty);
    expect(extractEntities(undefined as unknown as string, { now })).toEqual(empty);
    const started = performance.now();
    const huge = extractEntities(`ticket 1042 ${'blah '.repeat(25_000)}`, { now });
    expect(huge.ticketNumbers).toEqual([1042]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
