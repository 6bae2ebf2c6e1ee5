import { describe, expect, it } from 'vitest';
import {
  TypoTolerantVocabulary,
  vocabularyHashes,
} from '../../../src/nlu/classifier/typo-tolerant-vocabulary.js';

describe('typo-tolerant vocabulary', () => {
  const vocabulary = new TypoTolerantVocabulary(
    JSON.parse(JSON.stringify(vocabularyHashes(['talk', 'human', 'refund', 'pin']))),
  );

  it('accepts known words and words one edit away from a known word of four letters or more', () => {
    for (const word of ['talk', 'pin', 'tlak', 'talks', 'humman', 'hunan', 'refnd', 'rfeund']) {
      expect(vocabulary.hasNear(word), word).toBe(true);
    }
  });

  it('refuses words two edits away, and near misses of short words', () => {
    for (const word of ['tkla', 'tak', 'hmn', 'pan', 'bread', 'refunded']) {
      expect(vocabulary.hasNear(word), word).toBe(false);
    }
  });
});
