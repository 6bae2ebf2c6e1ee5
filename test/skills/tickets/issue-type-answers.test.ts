import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/core/reply.js';
import { issueTypesFor } from '../../../src/domain/issue-types.js';
import type { UserKind } from '../../../src/domain/user.js';
import { readTypedAnswer } from '../../../src/skills/tickets/create-flow/create-answers.js';

const yesNo = (text: string) => (/^(yes|y)$/i.test(text) ? 'yes' : /^(no|n)$/i.test(text) ? 'no' : null);
const typeButtons = (kind: UserKind): Action[] =>
  issueTypesFor(kind).map((type) => ({ label: type.label, value: { choice: type.id } }));
const suggestedButtons: Action[] = [
  { label: "Yes, that's it", value: { choice: 'yes' } },
  { label: 'Choose another', value: { choice: 'other' } },
];
const choose = (text: string, kind: UserKind = 'brand') =>
  readTypedAnswer('issue-type-choose', text, { kind, parseYesNo: yesNo, buttons: typeButtons(kind) });
const confirmSuggested = (text: string) =>
  readTypedAnswer('issue-type', text, { kind: 'brand', parseYesNo: yesNo, buttons: suggestedButtons });

describe('typed answers to "Which issue type fits best?"', () => {
  it.each([
    ['Payments and Finance', 'payments_finance'],
    ['payments and finance.', 'payments_finance'],
    ['payments', 'payments_finance'],
    ['finance', 'payments_finance'],
    ['tracking', 'tracking_reporting'],
    ['the tracking one', 'tracking_reporting'],
    ['login issue', 'login'],
    ['referral programs', 'advocate'],
    ['8', 'payments_finance'],
    ['the second one', 'account_onboarding'],
    ['other', 'other'],
  ])('"%s" is an answer: %s', (text, id) => {
    expect(choose(text)).toEqual({ choice: id });
  });

  it('partner users answer with the partner list', () => {
    expect(choose('finance and tax', 'partner')).toEqual({ choice: 'finance_tax_contracts' });
    expect(choose('5', 'partner')).toEqual({ choice: 'finance_tax_contracts' });
  });

  it.each([
    'how do i set up the tracking pixel?',
    'active partners in Canada',
    'why was partner 100234 paid twice',
    'show my open tickets',
    'what is the status of 1042',
  ])('"%s" is a new request, not an answer', (text) => {
    expect(choose(text)).toBeNull();
    expect(confirmSuggested(text)).toBeNull();
  });

  it('the suggested type is still confirmed, declined or replaced by name', () => {
    expect(confirmSuggested('yes')).toEqual({ choice: 'yes' });
    expect(confirmSuggested('no')).toEqual({ choice: 'other' });
    expect(confirmSuggested('Choose another')).toEqual({ choice: 'other' });
    expect(confirmSuggested('payments and finance')).toEqual({ choice: 'payments_finance' });
  });
});
