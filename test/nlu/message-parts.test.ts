import { describe, expect, it } from 'vitest';
import { messageParts } from '../../src/nlu/message-parts.js';

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

  it('leaves words that only contain a joining word whole, and hyphenated words too', () => {
    expect(messageParts('android sandbox e-mail').map((p) => p.text)).toEqual(['android sandbox e-mail']);
  });
});
