import { describe, expect, it } from 'vitest';
import { isCancel, parseChoice, parseYesNo } from '../../src/nlu/answer-parsers.js';

describe('parseYesNo', () => {
  it.each([
    'yes',
    'Yes!',
    'y',
    'yep',
    'yeah sure',
    'sure thing',
    'ok',
    'go ahead',
    'yes please',
    '👍',
    ':+1:',
    "that's right",
    'correct',
    'yes, the campaign id is 48213',
  ])('%j is yes', (text) => {
    expect(parseYesNo(text)).toBe('yes');
  });

  it.each([
    'no',
    'No.',
    'n',
    'nope',
    'nah',
    'no thanks',
    'not really',
    '👎',
    'no, it is a different campaign',
  ])('%j is no', (text) => {
    expect(parseYesNo(text)).toBe('no');
  });

  it.each([
    '',
    'maybe',
    'no idea',
    'not sure',
    'yes and no',
    'what?',
    '12345',
    'how do I say yes to all partner applications at once please',
    'nothing',
    'yesterday',
  ])('%j is neither', (text) => {
    expect(parseYesNo(text)).toBeNull();
  });
});

describe('parseChoice', () => {
  const options = [
    { value: 'payments_finance', label: 'Payments and Finance' },
    { value: 'login', label: 'Login' },
    { value: 'tracking_reporting', label: 'Tracking, Reporting and Technical Settings' },
  ];

  it.each([
    ['2', 'login'],
    ['#3', 'tracking_reporting'],
    ['option 1', 'payments_finance'],
    ['the second one', 'login'],
    ['2nd', 'login'],
    ['third please', 'tracking_reporting'],
    ['the last one', 'tracking_reporting'],
    ['Login', 'login'],
    ['payments', 'payments_finance'],
    ['tracking please', 'tracking_reporting'],
    ['payments_finance', 'payments_finance'],
    ['I pick the first', 'payments_finance'],
  ])('%j chooses %s', (text, value) => {
    expect(parseChoice(text, options)).toBe(value);
  });

  it.each([['4'], ['0'], ['the one'], ['something else entirely'], [''], ['settings and payments']])(
    '%j chooses nothing',
    (text) => {
      expect(parseChoice(text, options)).toBeNull();
    },
  );

  it('matches an exact value such as a ticket number before positions', () => {
    const tickets = [
      { value: '2', label: 'Ticket 2' },
      { value: '1042', label: 'Ticket 1042' },
    ];
    expect(parseChoice('1042', tickets)).toBe('1042');
    expect(parseChoice('2', tickets)).toBe('2');
    expect(parseChoice('1', [])).toBeNull();
  });
});

describe('isCancel', () => {
  it.each([
    'cancel',
    'Cancel!',
    'never mind',
    'nevermind',
    'nvm',
    'stop',
    'forget it',
    'quit',
    'exit',
    'abort',
    'cancel that please',
    'ok never mind',
    'nah forget it',
    'scratch that',
  ])('%j cancels', (text) => {
    expect(isCancel(text)).toBe(true);
  });

  it.each([
    'how do I cancel a campaign',
    'stop sending emails to partners',
    'cancel my subscription to the newsletter please now',
    'yes',
    '',
    'cancellation policy',
  ])('%j does not cancel', (text) => {
    expect(isCancel(text)).toBe(false);
  });
});
