import { describe, expect, it } from 'vitest';
import { extractEmails } from '../../../src/nlu/entities/emails.js';

describe('extractEmails', () => {
  it('finds addresses, lower-cased and unique, in order', () => {
    expect(extractEmails('cc Jane.Doe+ops@Acme.co.uk and bob@x.io, also jane.doe+ops@acme.co.uk')).toEqual([
      'jane.doe+ops@acme.co.uk',
      'bob@x.io',
    ]);
  });

  it.each([['no address here'], ['@channel please'], ['user@localhost'], ['a@b'], ['see example.com'], ['']])(
    'finds none in %j',
    (text) => {
      expect(extractEmails(text)).toEqual([]);
    },
  );
});
