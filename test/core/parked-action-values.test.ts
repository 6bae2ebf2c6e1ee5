import { describe, expect, it } from 'vitest';
import { emptyState, parseState } from '../../src/core/conversation-state.js';
import {
  KEPT_PARKED_VALUES,
  MAX_ACTION_VALUE_CHARS,
  MAX_PARKED_TEXT_CHARS,
  parkLongActionValues,
  restoreParkedValue,
} from '../../src/core/parked-action-values.js';
import type { Action, ChoicesReply, Reply } from '../../src/core/reply.js';

const complaint = (chars: number, letter = 'x') => `1000 still broken ${letter.repeat(chars)}`;
const reopen = (body: string): Action => ({
  label: 'Reopen',
  value: { skill: 'tickets', action: 'apply-update', id: 1000, request: { kind: 'reopen', body } },
});
const choices = (...actions: Action[]): ChoicesReply => ({
  type: 'choices',
  prompt: 'Closed.',
  choices: actions,
});
const firstChoice = (replies: Reply[]) => (replies[0] as ChoicesReply).choices[0]!;
/** Ids in the order they are asked for. */
const counter = () => {
  let n = 0;
  return () => `id${++n}`;
};

describe('parked action values', () => {
  it('leaves short values on the button', () => {
    const state = emptyState();
    const replies: Reply[] = [choices(reopen('short'))];
    parkLongActionValues(state, replies, counter());
    expect(firstChoice(replies)).toEqual(reopen('short'));
    expect(state.memory).toEqual({});
  });

  it('parks a long value under an id, keeps its routing fields on the button, and restores it whole', () => {
    const state = emptyState();
    const body = complaint(3000);
    const replies: Reply[] = [
      { type: 'text', text: 'hello' },
      choices(reopen(body), { label: 'File a ticket', value: { skill: 'tickets', action: 'start-create' } }),
    ];
    parkLongActionValues(state, replies, counter());
    const [text, prompt] = replies as [Reply, ChoicesReply];
    expect(text).toEqual({ type: 'text', text: 'hello' });
    expect(prompt.choices[0]).toEqual({
      label: 'Reopen',
      value: { skill: 'tickets', action: 'apply-update', parked: 'id1' },
    });
    expect(prompt.choices[1]?.value).toEqual({ skill: 'tickets', action: 'start-create' });

    // Stored with the state and read back by the next turn.
    const next = parseState(JSON.stringify(state));
    expect(restoreParkedValue(next, prompt.choices[0]?.value)).toEqual({
      kind: 'restored',
      value: reopen(body).value,
    });
  });

  it('parks the buttons of every kind of reply, and a value shown twice once', () => {
    const state = emptyState();
    const long = reopen(complaint(2000));
    const replies: Reply[] = [
      { type: 'card', title: 'T', fields: [], actions: [long] },
      {
        type: 'list',
        title: 'L',
        items: [{ type: 'card', title: 'I', fields: [], actions: [long] }],
        actions: [long],
      },
      { type: 'form', id: 'f', title: 'F', inputs: [], submit: long, cancel: long },
    ];
    parkLongActionValues(state, replies, counter());
    const values = JSON.stringify(replies);
    expect(values.length).toBeLessThan(2000);
    expect(values.match(/"parked":"id1"/g)).toHaveLength(5);
    expect(values).not.toContain('id2');
  });

  it('restores a parked form submit with the inputs the channel added', () => {
    const state = emptyState();
    const submit: Action = {
      label: 'Submit',
      value: { skill: 'tickets', action: 'form-submit', key: 'k', draft: complaint(2000) },
    };
    const replies: Reply[] = [{ type: 'form', id: 'f', title: 'F', inputs: [], submit }];
    parkLongActionValues(state, replies, counter());
    const sent = (replies[0] as Extract<Reply, { type: 'form' }>).submit.value;
    expect(restoreParkedValue(state, { ...sent, form: { subject: 'Hi' } })).toEqual({
      kind: 'restored',
      value: { ...submit.value, form: { subject: 'Hi' } },
    });
  });

  it(`keeps the newest ${KEPT_PARKED_VALUES}: older ones fall off and say so`, () => {
    const state = emptyState();
    const next = counter();
    const sent: Action[] = [];
    for (let n = 0; n < KEPT_PARKED_VALUES + 5; n++) {
      const replies: Reply[] = [choices(reopen(complaint(MAX_ACTION_VALUE_CHARS, String(n % 10))))];
      parkLongActionValues(state, replies, next);
      sent.push(firstChoice(replies));
    }
    expect(state.memory['core.parkedActionValues']).toHaveLength(KEPT_PARKED_VALUES);
    for (const [n, action] of sent.entries()) {
      const restored = restoreParkedValue(state, action.value);
      if (n < 5) expect(restored).toEqual({ kind: 'expired', id: `id${n + 1}` });
      else expect(restored.kind).toBe('restored');
    }
  });

  it('keeps every value of the turn just shown, however many it has', () => {
    const state = emptyState();
    const many = Array.from({ length: KEPT_PARKED_VALUES + 3 }, (_, n) => reopen(complaint(1600, String(n))));
    const replies: Reply[] = [choices(...many)];
    parkLongActionValues(state, replies, counter());
    for (const action of (replies[0] as ChoicesReply).choices) {
      expect(restoreParkedValue(state, action.value).kind).toBe('restored');
    }
  });

  it(`cuts a parked text past ${MAX_PARKED_TEXT_CHARS} characters with an ellipsis`, () => {
    const state = emptyState();
    const body = complaint(MAX_PARKED_TEXT_CHARS + 500);
    const replies: Reply[] = [choices(reopen(body))];
    parkLongActionValues(state, replies, counter());
    const restored = restoreParkedValue(state, firstChoice(replies).value);
    if (restored.kind !== 'restored') throw new Error(restored.kind);
    const kept = (restored.value.request as { body: string }).body;
    expect(kept).toHaveLength(MAX_PARKED_TEXT_CHARS);
    expect(kept).toBe(`${body.slice(0, MAX_PARKED_TEXT_CHARS - 1)}…`);
  });

  it('never cuts a character in half', () => {
    const state = emptyState();
    const body = `${'a'.repeat(MAX_PARKED_TEXT_CHARS - 2)}😀😀`;
    const replies: Reply[] = [choices(reopen(body))];
    parkLongActionValues(state, replies, counter());
    const restored = restoreParkedValue(state, firstChoice(replies).value);
    if (restored.kind !== 'restored') throw new Error(restored.kind);
    expect((restored.value.request as { body: string }).body).toBe(
      `${'a'.repeat(MAX_PARKED_TEXT_CHARS - 2)}…`,
    );
  });

  it('gives a new id when the random one is taken', () => {
    const state = emptyState();
    const ids = ['same', 'same', 'other'];
    const newId = () => ids.shift()!;
    const first: Reply[] = [choices(reopen(complaint(2000, 'a')))];
    const second: Reply[] = [choices(reopen(complaint(2000, 'b')))];
    parkLongActionValues(state, first, newId);
    parkLongActionValues(state, second, newId);
    expect(firstChoice(first).value?.parked).toBe('same');
    expect(firstChoice(second).value?.parked).toBe('other');
  });

  it('passes values that were never parked through, and reads an unknown id as gone', () => {
    const state = emptyState();
    expect(restoreParkedValue(state, undefined)).toEqual({ kind: 'as-sent', value: undefined });
    expect(restoreParkedValue(state, { skill: 'docs' })).toEqual({
      kind: 'as-sent',
      value: { skill: 'docs' },
    });
    expect(restoreParkedValue(state, { parked: 'nope' })).toEqual({ kind: 'expired', id: 'nope' });
    // Memory written by something else under the key: nothing parked, not an error.
    state.memory['core.parkedActionValues'] = 'garbage';
    expect(restoreParkedValue(state, { parked: 'nope' })).toEqual({ kind: 'expired', id: 'nope' });
  });
});
