import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import type { Responses } from '../../core/responses.js';
import type { TurnContext } from '../../core/turn-context.js';
import { statusLabel, type TicketStatus } from '../../domain/ticket-statuses.js';
import { isCancel, parseChoice } from '../../nlu/answer-parsers.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import { SKILL_NAME, ticketButton, ticketNumber } from './ticket-buttons.js';
import { type TypedStatusRequest, typedStatusRequests } from './ticket-update-request.js';
import { namesTicketsInStatusCommand, untargetedStatusCommand } from './typed-status-command.js';

/** The buttons of the question "send this as the answer, or set the status?". */
export const ANSWER_OR_STATUS_ACTION = 'answer-or-status';

/** What the agent is asked for: the solution, a reply to the requester, an internal note. */
export type AskedAnswer = 'solution' | 'reply' | 'note';

/** What the agent makes of the words: the answer asked for, the status they name, or neither. */
export type AnswerOrStatusChoice = 'answer' | 'status' | 'cancel';

/**
 * The words in question, waiting in the flow until the agent who typed them (`by`: their user id;
 * absent in a flow stored before it was kept, then any support agent) says what they are.
 */
export interface PendingAnswer {
  readonly text: string;
  readonly key: string;
  readonly by: string | null;
}

/** Where the words in question wait in the flow, until a button says what they are. */
const PENDING = 'pendingAnswer';
const pendingSchema = z.object({ text: z.string(), key: z.string(), by: z.string().optional() });
const flowTicketsSchema = z.object({
  ticketId: z.number().int(),
  ticketIds: z.array(z.number().int()).optional(),
});

/** The tickets a reply or solution flow asks about: the ticket talked about, for "set it to …". */
export function flowTickets(flow: ActiveFlow): number[] {
  const slots = flowTicketsSchema.safeParse(flow.slots);
  if (!slots.success) return [];
  return slots.data.ticketIds ?? [slots.data.ticketId];
}

/** "**#1042**", "**#1000**, **#1001**". */
function numbersOf(ticketIds: readonly number[]): string {
  return ticketIds.map((id) => `**${ticketNumber(id)}**`).join(', ');
}

/**
 * The status the words name for the ticket talked about ("set it to closed, duplicate of …"), and
 * the requests that set it, the remark kept as that status keeps it, whatever the remark says (a
 * note mentioned in it included). The question names this status and its button runs these
 * requests: one reading for both. Null: no status command for the ticket talked about only.
 */
export function statusNamed(text: string): { status: TicketStatus; requests: TypedStatusRequest[] } | null {
  const command = untargetedStatusCommand(text);
  const requests = command ? typedStatusRequests(text, { staff: true, noteIsRemark: true }) : null;
  return command && requests ? { status: command.status, requests } : null;
}

/** The question's button labels, by choice. */
function choiceLabels(
  responses: Responses,
  asked: AskedAnswer,
  status: TicketStatus,
): Record<AnswerOrStatusChoice, string> {
  const { t } = responses;
  return {
    answer: t(`tickets.update.answer_or_status.send_${asked}`),
    status: t('tickets.update.answer_or_status.set_status', { status: statusLabel(status) }),
    cancel: t('tickets.update.answer_or_status.cancel'),
  };
}

/**
 * Asks "send this as the answer, or set the status?" about `pending` on the flow's tickets, with
 * its buttons (`lead`: said first, in the same message). False: the words name no status.
 */
export function showAnswerOrStatus(
  ctx: TurnContext,
  responses: Responses,
  flow: ActiveFlow,
  pending: PendingAnswer,
  asked: AskedAnswer,
  lead?: string,
): boolean {
  const named = statusNamed(pending.text);
  const ticketIds = flowTickets(flow);
  if (!named || ticketIds.length === 0) return false;
  const labels = choiceLabels(responses, asked, named.status);
  const button = (choice: AnswerOrStatusChoice) =>
    ticketButton(labels[choice], ANSWER_OR_STATUS_ACTION, { choice, key: pending.key });
  const prompt = responses.t(`tickets.update.answer_or_status.prompt_${asked}`, {
    numbers: numbersOf(ticketIds),
    status: statusLabel(named.status),
  });
  ctx.reply({
    type: 'choices',
    prompt: lead ? `${lead}\n\n${prompt}` : prompt,
    choices: [button('answer'), button('status'), button('cancel')],
  });
  return true;
}

/**
 * While `flow` asks an agent for an answer (`asked`), a typed status for the ticket talked about
 * naming none ("set it to closed, duplicate of the billing export ticket") may be that answer as
 * well ("Set it to open, then reload the dashboard …" as a solution). Nothing is sent or set: the
 * words wait in the flow, with who typed them, and the agent is asked which, with buttons (the
 * answer, the status, or cancel). True: asked. A message with files is the answer (a status takes none).
 */
export function askAnswerOrStatus(
  ctx: TurnContext,
  responses: Responses,
  flow: ActiveFlow,
  asked: AskedAnswer,
): boolean {
  const text = ctx.message.text.trim();
  if (!text || !isSupportStaff(ctx.user) || ctx.message.attachments.length > 0) return false;
  if (!statusNamed(text) || flowTickets(flow).length === 0) return false;
  const pending: PendingAnswer = { text, key: ctx.turnId, by: ctx.user.id };
  const waiting = {
    ...flow,
    slots: { ...flow.slots, [PENDING]: { text, key: pending.key, by: pending.by } },
  };
  ctx.state.flow = waiting;
  return showAnswerOrStatus(ctx, responses, waiting, pending, asked);
}

/** The words waiting in `flow` for the agent's choice, if any. */
export function waitingAnswer(flow: ActiveFlow | undefined): PendingAnswer | null {
  if (!flow || flow.skill !== SKILL_NAME) return null;
  const pending = pendingSchema.safeParse(flow.slots[PENDING]);
  return pending.success
    ? { text: pending.data.text, key: pending.data.key, by: pending.data.by ?? null }
    : null;
}

/** `flow` no longer waiting on words: it asks its own question again. */
export function withoutWaitingAnswer(flow: ActiveFlow): ActiveFlow {
  const { [PENDING]: _words, ...slots } = flow.slots;
  return { ...flow, slots };
}

/** The words a button of `askAnswerOrStatus` is about, while its flow still waits on them; else null. */
export function pendingAnswer(flow: ActiveFlow | undefined, key: unknown): PendingAnswer | null {
  const pending = waitingAnswer(flow);
  return pending && typeof key === 'string' && pending.key === key ? pending : null;
}

/**
 * Typed while a flow waits for an answer (a reply, a note, a solution, a choice), the text is another
 * request instead: one the router would run, or an agent's status command naming tickets ("1042 and
 * 1043 in progress"), which is never an answer to send to a requester.
 */
export function isOtherRequest(
  ctx: TurnContext,
  text: string,
  looksLikeOtherRequest: (text: string) => boolean,
): boolean {
  return looksLikeOtherRequest(text) || (isSupportStaff(ctx.user) && namesTicketsInStatusCommand(text));
}

/** Only the agent who typed the words says what they are (in a shared thread, the requester never does). */
export function mayChoose(ctx: TurnContext, pending: PendingAnswer): boolean {
  return pending.by === null ? isSupportStaff(ctx.user) : pending.by === ctx.user.id;
}

/** Longest typed choice read ("send it as the reply please"); anything longer is other words. */
const MAX_CHOICE_WORDS = 8;
/** Words said about nothing in particular, left out before the choice is read ("the", "it"). */
const NOT_CHOICE_CONTENT = new Set('it this that them as the a an my your to'.split(' '));
/** Words a typed choice is made of besides its buttons' own: "send it", "the first one", "go with 2". */
const CHOICE_WORDS = new Set([
  ...NOT_CHOICE_CONTENT,
  ...`send set add one option choice number button first second third last status answer please pls ok okay
  just go with do i i'll ill pick take choose want yes yeah yep sure no nope nah then thanks`.split(/\s+/),
]);
/** "neither", "none of them": the agent wants neither. */
const NEITHER = /^(?:neither|none)\b/;
const NEITHER_TAIL = new Set(['of', 'them', 'thanks', 'please', 'just']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** A word of a button's label, or one it starts like ("close" for "Closed"). */
function inLabels(word: string, labelWords: ReadonlySet<string>): boolean {
  if (labelWords.has(word)) return true;
  return [...labelWords].some((l) => l.length > 3 && word.startsWith(l.slice(0, Math.max(4, l.length - 2))));
}

/**
 * What the agent typed to the question, read as one of its buttons: "send it", "1", "the first
 * one", "as the reply" (the answer); "2", "set it", "closed" (the status); "3", "neither", "no"
 * (neither). Only a short message made of a choice's words is a choice, so a reply typed instead
 * ("please reply when the export finishes") never is. Null: no choice ("yes" picks neither of two).
 */
export function typedChoice(
  text: string,
  responses: Responses,
  asked: AskedAnswer,
  status: TicketStatus,
  parseYesNo: (text: string) => 'yes' | 'no' | null,
): AnswerOrStatusChoice | null {
  const typed = words(text);
  if (typed.length === 0 || typed.length > MAX_CHOICE_WORDS) return null;
  const [first, ...rest] = typed;
  if (first && NEITHER.test(first) && (rest.every((w) => NEITHER_TAIL.has(w)) || isCancel(rest.join(' ')))) {
    return 'cancel';
  }
  const labels = choiceLabels(responses, asked, status);
  const options = (['answer', 'status', 'cancel'] as const).map((value) => ({ value, label: labels[value] }));
  const labelWords = new Set(options.flatMap((o) => [...words(o.label), o.value]));
  const known = (w: string) =>
    CHOICE_WORDS.has(w) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(w) || inLabels(w, labelWords);
  if (typed.every(known)) {
    const content = typed.filter((w) => !NOT_CHOICE_CONTENT.has(w)).join(' ');
    const picked = content ? parseChoice(content, options) : null;
    if (picked === 'answer' || picked === 'status' || picked === 'cancel') return picked;
  }
  return typed.length <= 3 && parseYesNo(text) === 'no' ? 'cancel' : null;
}

/** "OK, I didn't send anything or change **#1042**." after Cancel. */
export function answerOrStatusCancelled(responses: Responses, ticketIds: readonly number[]): string {
  return responses.t('tickets.update.answer_or_status.cancelled', { numbers: numbersOf(ticketIds) });
}
