import { describe, expect, it } from 'vitest';
import { messageParts, requestStretches } from '../../src/nlu/message-parts.js';

describe('message parts', () => {
  it('splits at punctuation, dashes between spaces and joining words', () => {
    const text = 'I need a person, our payouts are missing because the export - it fails and nobody helps';
    expect(messageParts(text).map((p) => p.text)).toEqual([
      'I need a person',
      'our payouts are missing',
      'the export',
      'it fails',
      'nobody helps',
    ]);
  });

  it('keeps spans that rebuild the text around any part', () => {
    const text = 'help! talk to a human';
    const parts = messageParts(text);
    expect(parts.map((p) => text.slice(p.start, p.end).trim())).toEqual(parts.map((p) => p.text));
    expect(parts.map((p) => p.text)).toEqual(['help', 'talk to a human']);
  });

  it('never splits inside a link, whose last stop still ends the sentence', () => {
    const parts = (text: string) => messageParts(text).map((p) => p.text);
    expect(parts('talk to someone about https://app.example.com/so/and?x=1,2 showing zero clicks')).toEqual([
      'talk to someone about https://app.example.com/so/and?x=1,2 showing zero clicks',
    ]);
    expect(parts('see www.example.com/help. it fails')).toEqual(['see www.example.com/help', 'it fails']);
    expect(parts('a person: <https://app.example.com/c/4821|Campaign 4821: spring, sale> is broken')).toEqual(
      ['a person', '<https://app.example.com/c/4821|Campaign 4821: spring, sale> is broken'],
    );
  });

  it('leaves words that only contain a joining word whole, and hyphenated words too', () => {
    expect(messageParts('android sandbox e-mail').map((p) => p.text)).toEqual(['android sandbox e-mail']);
  });
});

describe('request stretches', () => {
  const stretches = (text: string) => requestStretches(text).map((p) => p.text);

  it('cuts only where a sentence ends or at "and"', () => {
    expect(stretches('status of 1002 and how do I invite a partner')).toEqual([
      'status of 1002',
      'how do I invite a partner',
    ]);
    expect(stretches('Hi! Status of 1002? And who manages Northwind?')).toEqual([
      'Hi',
      'Status of 1002',
      'who manages Northwind',
    ]);
    expect(stretches('see example.com/help and our site')).toEqual(['see example.com/help', 'our site']);
  });

  it('keeps words joined by a comma, "but", "because" or "so" together', () => {
    expect(stretches('the export fails, but only on Mondays so we lose data')).toEqual([
      'the export fails, but only on Mondays so we lose data',
    ]);
  });

  it('keeps spans that locate each stretch', () => {
    const text = 'close 1042; open a new ticket';
    expect(requestStretches(text).map((p) => text.slice(p.start, p.end))).toEqual([
      'close 1042',
      'open a new ticket',
    ]);
  });
});
