import { describe, expect, it } from 'vitest';
import { extractPartnerRefs } from '../../../src/nlu/entities/partner-refs.js';

describe('extractPartnerRefs', () => {
  it('finds partner ids, URLs and capitalised names', () => {
    expect(
      extractPartnerRefs('who manages Northwind Deals? also partner 40213 and bestdeals.example.com'),
    ).toEqual([
      { kind: 'id', value: '40213' },
      { kind: 'url', value: 'bestdeals.example.com' },
      { kind: 'name', value: 'Northwind Deals' },
    ]);
  });

  it('reads ids after affiliate/pid and full URLs without trailing punctuation', () => {
    expect(extractPartnerRefs('affiliate #88123, pid=77 no, see https://shop.example.com/a?b=1.')).toEqual([
      { kind: 'id', value: '88123' },
      { kind: 'url', value: 'https://shop.example.com/a?b=1' },
    ]);
  });

  it('takes quoted names and a capitalised word after "partner"', () => {
    expect(extractPartnerRefs('is "acme deals" active? and partner Wingtip?')).toEqual([
      { kind: 'name', value: 'acme deals' },
      { kind: 'name', value: 'Wingtip' },
    ]);
  });

  it('takes capitalised names in any script, without the full stop after them', () => {
    expect(extractPartnerRefs('who manages Müller & Söhne? and Café Olé.')).toEqual([
      { kind: 'name', value: 'Müller & Söhne' },
      { kind: 'name', value: 'Café Olé' },
    ]);
    expect(extractPartnerRefs('contact for Northwind Deals.')).toEqual([
      { kind: 'name', value: 'Northwind Deals' },
    ]);
  });

  it.each([
    ['how many partners are suspended'],
    ['Show My Tickets'],
    ['partners in Germany and the United Kingdom'],
    ['mail jane@acme.com'],
    ['ticket 1042'],
    [''],
  ])('finds none in %j', (text) => {
    expect(extractPartnerRefs(text)).toEqual([]);
  });
});
