import { describe, expect, it } from 'vitest';
import { isCancel, isNoneAnswer, parseChoice, parseYesNo } from '../../src/nlu/answer-parsers.js';

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
    // "please" drops out as politeness elsewhere; after a yes/no question, on its own it is the yes.
    'please',
    'Please!',
    'please do',
    'yes please',
    'ok please',
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
    "please don't",
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
    'please help me with my campaign',
    'please tell me the status',
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

  describe('label words', () => {
    const suggestions = [
      { value: 'solved', label: 'Yes, that solved it' },
      { value: 'not-solved', label: 'No, file the ticket' },
    ];

    it.each([
      ['file the ticket', 'not-solved'],
      ['file it', 'not-solved'],
      ['solved', 'solved'],
      ['that solved it', 'solved'],
      ['no, file it', 'not-solved'],
      // A negated answer picks only a negative button.
      ["that didn't solve it", 'not-solved'],
      ['not solved', 'not-solved'],
    ])('%j chooses %s', (text, value) => {
      expect(parseChoice(text, suggestions)).toBe(value);
    });

    // Shared function words ("the", "of", "what's") or one shared word among other content are not a choice.
    it.each([
      ["what's the status of ticket 1000?"],
      ['the status of it'],
      ['is there a ticket about the pixel firing'],
    ])('%j chooses nothing', (text) => {
      expect(parseChoice(text, suggestions)).toBeNull();
    });

    it('a plain answer may still pick a negative button by its words ("only me" for "No, only me")', () => {
      const access = [
        { value: 'shared', label: 'Yes, share it' },
        { value: 'private', label: 'No, only me' },
      ];
      expect(parseChoice('only me', access)).toBe('private');
      expect(parseChoice("don't share it", access)).toBeNull();
    });
  });

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

describe('isNoneAnswer', () => {
  it.each([
    'none',
    'None.',
    'no one',
    'noone',
    'nobody',
    'no',
    'nope',
    'nah',
    'no thanks',
    'no one thanks',
    'n/a',
    'nothing',
  ])('%j means none', (text) => {
    expect(isNoneAnswer(text)).toBe(true);
  });

  it.each([
    '',
    'Summer Sale EU',
    'yes',
    'not sure',
    'someone from finance',
    'nobody knows why the pixel broke',
  ])('%j does not mean none', (text) => {
    expect(isNoneAnswer(text)).toBe(false);
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
