import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { partnerDirectoryNames } from '../src/nlu/named-partner-question.js';
import { type AppMatcher, loadIntentMatcher } from '../src/nlu-matcher.js';

const intentsDir = join(import.meta.dirname, '..', 'intents');
/** Partners of a brand's directory (names of the sample directory and of an imported file). */
const partnerDirectory = partnerDirectoryNames([
  { partnerId: '640434', name: 'Amber Deals' },
  { partnerId: '612388', name: 'Blue Deals' },
  { partnerId: '882778', name: 'Harvest Emporium' },
  { partnerId: '611502', name: 'Beacon Corner Today' },
  { partnerId: '700101', name: 'Müller & Söhne' },
  { partnerId: '700102', name: 'Café Olé' },
]);

describe('the intent matcher on questions naming a partner', () => {
  let matcher: AppMatcher;
  beforeAll(async () => {
    matcher = await loadIntentMatcher({ intentsDir });
  }, 120_000);

  it.each([
    "what's the status of Blue Deals?",
    'who manages Harvest Emporium',
    'is Beacon Corner Today active?',
    'what stage is Amber Deals in?',
    'who manages Müller & Söhne?',
    'status of Café Olé',
    // typed in lower case: only the directory knows these are names
    "what's the status of blue deals?",
    'is beacon corner today active',
    'who manages muller & sohne',
    'status of cafe ole',
  ])('routes "%s" to the partners of the writer\'s directory', (text) => {
    expect(matcher.readsPartnerDirectory?.(text)).toBe(true);
    const intent = matcher.match(text, { partnerDirectory });
    expect(intent).toMatchObject({ name: 'partner.query', skill: 'partners' });
    expect(intent.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('without a directory, takes two capitalised words for a name, too unsure to interrupt a form', () => {
    const intent = matcher.match('is Beacon Corner Today active?');
    expect(intent.name).toBe('partner.query');
    expect(intent.confidence).toBeGreaterThanOrEqual(0.8);
    expect(intent.confidence).toBeLessThan(0.85);
  });

  it('names no partner for someone with no directory, nor one the directory does not have', () => {
    expect(matcher.match('status of Café Olé', { partnerDirectory: null })).toEqual(
      matcher.match('status of cafe ole'),
    );
    expect(matcher.match('is Maple Corner Today active?', { partnerDirectory }).name).not.toBe(
      'partner.query',
    );
  });

  it.each([
    ['what is the status of ticket 1042 about Blue Deals', 'ticket.status'],
    ['I need to talk to a person about the contract of Blue Deals', 'agent.handoff'],
    ['/helpdesk status 1042', 'ticket.status'],
  ])('leaves "%s" to %s', (text, intent) => {
    expect(matcher.match(text, { partnerDirectory }).name).toBe(intent);
  });

  it.each([
    'how do I change the contract status of Blue Deals',
    'the contract of Blue Deals shows the wrong commission',
    'Blue Deals',
  ])('routes "%s" as the model does', (text) => {
    expect(matcher.match(text, { partnerDirectory })).toEqual(
      matcher.match(text, { partnerDirectory: null }),
    );
  });
});
