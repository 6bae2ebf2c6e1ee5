import { describe, expect, it } from 'vitest';
import { makeExtract } from '../../src/search/make-extract.js';

describe('makeExtract', () => {
  const text =
    'Partners are paid once a month.\nPayouts are sent on the 15th of every month for validated commission.\nTax forms are needed first.';

  it('picks the sentence with the most matched words and bolds them', () => {
    const extract = makeExtract(text, new Set(['payout', 'commiss']));
    expect(extract.text).toBe(
      '… **Payouts** are sent on the 15th of every month for validated **commission**. Tax forms are needed first.',
    );
    expect(extract.words).toEqual(['payouts', 'commission']);
  });

  it('cuts long text with an ellipsis at a word boundary', () => {
    const extract = makeExtract(`Payouts ${'word '.repeat(100)}`, new Set(['payout']), 60);
    expect(extract.text.startsWith('**Payouts** word')).toBe(true);
    expect(extract.text.endsWith(' …')).toBe(true);
    expect(extract.text.length).toBeLessThan(75);
  });

  it('matches accented and inflected words', () => {
    expect(makeExtract('Le café est prêt.', new Set(['cafe'])).text).toBe('Le **café** est prêt.');
  });
});
