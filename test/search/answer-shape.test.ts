import { describe, expect, it } from 'vitest';
import { answerShape, sectionShape } from '../../src/search/answer-shape.js';

describe('answerShape', () => {
  it('reads a how-to question as asking for steps', () => {
    expect(answerShape('hey how do I add a coupon code?')).toEqual({ definition: false, procedure: true });
    expect(answerShape('how to export a report')).toEqual({ definition: false, procedure: true });
    expect(answerShape('How can i invite a colleague')).toEqual({ definition: false, procedure: true });
  });

  it('reads "what does X mean" and "what is X" as asking for a definition', () => {
    expect(answerShape('what does EPC mean in the report').definition).toBe(true);
    expect(answerShape('whats an advocate program').definition).toBe(true);
    expect(answerShape('what is EPC').definition).toBe(true);
  });

  it('does not take every "how" or "what" for a how-to or a definition', () => {
    expect(answerShape('how long before a ticket closes')).toEqual({ definition: false, procedure: false });
    expect(answerShape('what is the fastest way to get paid when my balance is low').definition).toBe(false);
    expect(answerShape('')).toEqual({ definition: false, procedure: false });
  });
});

describe('sectionShape', () => {
  it('finds reference tables (rows joined with " · ") and numbered steps', () => {
    expect(sectionShape('Metric · Definition\nEPC · Earnings per 100 clicks')).toEqual({
      table: true,
      steps: false,
    });
    expect(sectionShape('1. Open Settings.\n2. Select Save.')).toEqual({ table: false, steps: true });
  });

  it('needs two rows or two steps: one line is prose', () => {
    expect(sectionShape('1. Open Settings.\nThen wait a day.')).toEqual({ table: false, steps: false });
    expect(sectionShape('Plan · Pro')).toEqual({ table: false, steps: false });
  });
});
