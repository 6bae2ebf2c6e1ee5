import { describe, expect, it } from 'vitest';
import type { ActiveFlow } from '../../../src/core/conversation-state.js';
import { MENU_QUESTION, menuButtonPicked } from '../../../src/skills/core/menu-question.js';

const ticket = { skill: 'core', intent: 'ticket.create' };
const list = { skill: 'core', intent: 'ticket.list' };
const person = { skill: 'core', intent: 'agent.handoff' };
const menu = (...options: object[]): ActiveFlow => ({
  skill: 'core',
  name: MENU_QUESTION,
  step: 'answer',
  slots: { options },
  idempotencyKey: 'k',
  startedAt: '',
});

describe('a number typed after the menu', () => {
  it('picks the button at that place', () => {
    expect(menuButtonPicked(menu(ticket, list, person), '1')).toEqual(ticket);
    expect(menuButtonPicked(menu(ticket, list, person), ' 2. ')).toEqual(list);
  });

  it('picks nothing beyond the buttons, nor for other words', () => {
    expect(menuButtonPicked(menu(ticket, list), '3')).toBeNull();
    expect(menuButtonPicked(menu(ticket, list), '0')).toBeNull();
    expect(menuButtonPicked(menu(ticket, list), 'two')).toBeNull();
    expect(menuButtonPicked(menu(ticket, list), '1042')).toBeNull();
    expect(menuButtonPicked(menu(ticket, list), 'ticket 2')).toBeNull();
  });

  it('picks nothing whose place depends on whether "Talk to a person" was shown', () => {
    // Without an agent online that button is dropped and the others move up.
    expect(menuButtonPicked(menu(person, ticket, list), '1')).toBeNull();
    expect(menuButtonPicked(menu(person, ticket, list), '2')).toBeNull();
    expect(menuButtonPicked(menu(ticket, list, person), '3')).toBeNull();
  });
});
