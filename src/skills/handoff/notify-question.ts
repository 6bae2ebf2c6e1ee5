import type { ActiveFlow } from '../../core/conversation-state.js';
import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import { parseChoice, parseYesNo } from '../../nlu/answer-parsers.js';

/** The open question "Shall I message you here when someone is available?" (for one message). */
export const NOTIFY_QUESTION = 'notify-question';
/** Where a flow that waits for something else keeps the question still unanswered. */
const NOTIFY_SLOT = 'notifyQuestion';
/**
 * Longer than this, a message is the problem's description even when it starts with "yes" or "no"
 * ("no conversions are tracked on the checkout page"); answers are "yes", "no thanks", "sure, notify me".
 */
const MAX_ANSWER_WORDS = 4;

/** Who to notify (the team that could take the chat) and the ticket a "No thanks" points to. */
export interface NotifyQuestion {
  readonly teamId: string | null;
  readonly ticketId: number | null;
}

export type NotifyAnswer = 'notify' | 'notify-no';

/** The question with its buttons "Notify me" and "No thanks". */
export function notifyQuestionReply(responses: Responses, q: NotifyQuestion): Reply {
  const { t } = responses;
  return {
    type: 'choices',
    prompt: t('handoff.notify_prompt'),
    choices: [
      {
        label: t('handoff.notify_yes'),
        value: { skill: 'handoff', action: 'notify', teamId: q.teamId },
        style: 'primary',
      },
      {
        label: t('handoff.notify_no'),
        value: { skill: 'handoff', action: 'notify-no', ticketId: q.ticketId },
      },
    ],
  };
}

/** The question as a flow's slots hold it. */
export function notifySlots(q: NotifyQuestion): Record<string, unknown> {
  return { [NOTIFY_SLOT]: { teamId: q.teamId, ticketId: q.ticketId } };
}

/** The question still unanswered in a flow's slots (or an open question's), if any. */
export function pendingNotifyQuestion(flow: ActiveFlow): NotifyQuestion | null {
  const held = flow.name === NOTIFY_QUESTION ? flow.slots : flow.slots[NOTIFY_SLOT];
  if (typeof held !== 'object' || held === null) return null;
  const { teamId, ticketId } = held as Record<string, unknown>;
  if (typeof ticketId !== 'number' || !Number.isInteger(ticketId)) return null;
  return { teamId: typeof teamId === 'string' ? teamId : null, ticketId };
}

/** The flow without the question: it is answered (typed or clicked). */
export function withoutNotifyQuestion(flow: ActiveFlow): ActiveFlow {
  const { [NOTIFY_SLOT]: _answered, ...slots } = flow.slots;
  return { ...flow, slots };
}

/**
 * A typed answer to the question, as the button it amounts to: a yes or no ("yes", "sure", "nah",
 * "no thanks"), the button's number, or words of its label only ("notify me"; not "notifications
 * are broken", which describes the problem). Null when it is none of these.
 */
export function typedNotifyAnswer(text: string, responses: Responses): NotifyAnswer | null {
  const words = lowerWords(text);
  if (words.length === 0 || words.length > MAX_ANSWER_WORDS) return null;
  const yesNo = parseYesNo(text);
  if (yesNo) return yesNo === 'yes' ? 'notify' : 'notify-no';
  const options = [
    { value: 'notify', label: responses.t('handoff.notify_yes') },
    { value: 'notify-no', label: responses.t('handoff.notify_no') },
  ] as const;
  const picked = options.find((o) => o.value === parseChoice(text, options));
  if (!picked) return null;
  const label = new Set(lowerWords(picked.label));
  return /^\d$/.test(text.trim()) || words.every((w) => label.has(w)) ? picked.value : null;
}

function lowerWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}
