import { describe, expect, it } from 'vitest';
import {
  asksAboutNamedPartner,
  mayAskAboutAPartner,
  partnerDirectoryNames,
} from '../../src/nlu/named-partner-question.js';

const directory = partnerDirectoryNames([
  { partnerId: '640434', name: 'Amber Deals' },
  { partnerId: '100234', name: 'Blue Deals' },
  { partnerId: '700101', name: 'Müller & Söhne' },
  { partnerId: '700102', name: 'Café Olé' },
  { partnerId: '311875', name: 'Beacon Corner Today' },
  { partnerId: '455120', name: 'Active Outlet' },
  { partnerId: '900001', name: 'Zalando' },
]);

describe('a question naming a partner of the directory', () => {
  it.each([
    "what's the status of Blue Deals?",
    'who manages Müller & Söhne?',
    'who manages muller and sohne',
    'status of Café Olé',
    'status of cafe ole',
    'is Beacon Corner Today active?',
    'what stage is amber deals in?',
    'when did Blu Deals join',
    'is Active Outlet suspended',
    'who manages partner 100234',
    'contact email for partner #640434',
  ])('"%s" asks the directory', (text) => {
    expect(asksAboutNamedPartner(text, directory)).toBe(true);
  });

  it.each([
    // no partner of this directory, only part of a name, or a one-word name
    ["what's the status of Red Deals?"],
    ['who manages Amber'],
    ['who manages Zalando'],
    ['who manages partner 123456'],
    // the name alone asks no fact ("Active" is part of the name)
    ['Active Outlet'],
    ['Blue Deals'],
    // about a ticket, a campaign, a problem, or how to do something
    ["what's the status of my ticket about Blue Deals"],
    ['status of 1042 for Blue Deals'],
    ['Blue Deals contract page shows an error'],
    ['campaign status for Blue Deals'],
    ['how do I suspend the contract of Blue Deals'],
    ['how to change the manager of Blue Deals'],
  ])('"%s" does not', (text) => {
    expect(asksAboutNamedPartner(text, directory)).toBe(false);
  });

  it('finds nothing in an empty directory, and no partner for someone with no directory', () => {
    expect(asksAboutNamedPartner('who manages Blue Deals', partnerDirectoryNames([]))).toBe(false);
    expect(asksAboutNamedPartner('who manages Blue Deals', null)).toBe(false);
  });
});

describe('a question naming a partner, with no directory known', () => {
  it.each([
    'what is the status of Savvy Press',
    'Is Beacon Corner Today active?',
    'who manages Müller & Söhne?',
    'status of Café Olé',
    'who manages "blue deals"',
    'who manages partner 123456',
  ])('"%s" names one by its capitals, quotes or ID', (text) => {
    expect(asksAboutNamedPartner(text)).toBe(true);
  });

  it.each([
    'what is the status of savvy press',
    'who manages Zalando',
    'is Slack active',
    'status of my export since Monday',
  ])('"%s" does not', (text) => {
    expect(asksAboutNamedPartner(text)).toBe(false);
  });
});

describe('whether the directory is worth reading', () => {
  it('only for words that could ask a fact about a partner', () => {
    expect(mayAskAboutAPartner('who manages Blue Deals')).toBe(true);
    expect(mayAskAboutAPartner('talk to Blue Deals')).toBe(false);
    expect(mayAskAboutAPartner('status of ticket 1042')).toBe(false);
    expect(mayAskAboutAPartner(`status ${'word '.repeat(200)}`)).toBe(false);
  });
});
