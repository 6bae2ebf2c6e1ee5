import { normaliseForIntent } from './classifier/normalise-text.js';

/** The form two messages are compared in to decide they are "the same" (duplicates, train/test overlap). */
export function normaliseExample(text: string): string {
  return normaliseForIntent(text).replace(/\?/g, '').replace(/\s+/g, ' ').trim();
}
