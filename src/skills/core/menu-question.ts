import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import type { Action } from '../../core/reply.js';
import { askOpenQuestion } from '../../core/router.js';
import type { TurnContext } from '../../core/turn-context.js';

/** The open question the menu asks: which of its buttons? */
export const MENU_QUESTION = 'menu';

const slotsSchema = z.object({ options: z.array(z.record(z.string(), z.unknown())) });

/** A bare number as typed to pick a button: "2", "2.", "2)". */
const BARE_NUMBER = /^(\d{1,2})[.)]?$/;

/**
 * The handoff module drops "Talk to a person" from the menu after it is built while no agent
 * can take a chat, so the buttons after it may have moved up by one.
 */
const mayBeHidden = (value: Readonly<Record<string, unknown>>) => value.intent === 'agent.handoff';

/** Lets the next message pick one of the menu's buttons by its number. */
export function askMenuNumber(ctx: TurnContext, actions: readonly Action[]): void {
  const options = actions.flatMap((a) => (a.value ? [a.value] : []));
  askOpenQuestion(ctx, { skill: 'core', name: MENU_QUESTION, slots: { options } });
}

/**
 * The button a bare number picks, or null: for a number beyond the buttons, for any other
 * text, and for a number whose button depends on whether "Talk to a person" was shown.
 */
export function menuButtonPicked(
  question: ActiveFlow,
  text: string,
): Readonly<Record<string, unknown>> | null {
  const slots = slotsSchema.safeParse(question.slots);
  const number = BARE_NUMBER.exec(text.trim());
  if (!slots.success || !number) return null;
  const all = slots.data.options;
  const n = Number(number[1]);
  const withPerson = all[n - 1];
  const withoutPerson = all.filter((o) => !mayBeHidden(o))[n - 1];
  return withPerson !== undefined && withPerson === withoutPerson ? withPerson : null;
}
