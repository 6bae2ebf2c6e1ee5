import { describe, expect, it } from 'vitest';
import { DOMAIN_SYNONYMS, HELP_DESK_PARAPHRASES } from '../../src/search/domain-synonyms.js';
import { stemWord } from '../../src/search/stem-word.js';
import { SynonymTable } from '../../src/search/synonym-table.js';

// The help center's own synonym groups, as the search compiles them.
const table = new SynonymTable([...DOMAIN_SYNONYMS, ...HELP_DESK_PARAPHRASES]);
// Query words the way the search passes them: lower-case stems, stop words kept.
const alternativesOf = (query: string) => {
  const found = new Map<string, number>();
  for (const match of table.match(query.split(' ').map(stemWord))) {
    for (const [term, share] of match.alternatives) found.set(term, Math.max(found.get(term) ?? 0, share));
  }
  return found;
};

describe('help-desk paraphrases for adding users', () => {
  it('searches "invite" when someone asks to add a user', () => {
    expect(alternativesOf('how do i add a user').has(stemWord('invite'))).toBe(true);
    expect(alternativesOf('add user to our account').has(stemWord('invite'))).toBe(true);
  });

  it('does not turn "invite a partner" into a question about users', () => {
    expect(alternativesOf('how do i invite a partner').has(stemWord('user'))).toBe(false);
    expect(alternativesOf('invite creators to the campaign').has(stemWord('user'))).toBe(false);
  });
});
