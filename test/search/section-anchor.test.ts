import { describe, expect, it } from 'vitest';
import { AnchorAllocator, sectionAnchor } from '../../src/search/section-anchor.js';

describe('sectionAnchor', () => {
  it.each([
    ['Payouts & Tax (US)', 'payouts-tax-us'],
    ['Before you start', 'before-you-start'],
    ["Change a user's role", 'change-a-user-s-role'],
    ['Café et crème', 'cafe-et-creme'],
    ['  --Step 2: Phone!-- ', 'step-2-phone'],
    ['???', 'section'],
  ])('%s → %s', (heading, anchor) => {
    expect(sectionAnchor(heading)).toBe(anchor);
  });

  it('numbers duplicates within an article', () => {
    const anchors = new AnchorAllocator();
    expect(['Setup', 'Setup', 'Setup', 'Setup 2'].map((h) => anchors.next(h))).toEqual([
      'setup',
      'setup-2',
      'setup-3',
      'setup-2-2',
    ]);
  });
});
