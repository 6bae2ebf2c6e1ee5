import { ExpiringCache } from '../../core/expiring-cache.js';
import type { Action, Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { TurnContext, TurnMiddleware } from '../../core/turn-context.js';
import { checkAvailability } from './agent-availability.js';
import type { HandoffDeps } from './handoff-deps.js';
import { noPersonPrompt } from './no-person-prompts.js';
import { phraseMatcher } from './phrase-list.js';

/** Unhelpful answers in a row after which the bot offers a person. */
export const UNHELPFUL_OFFER_AT = 2;

/**
 * How long an offer trusts the last availability check when no desk change was heard. Checking
 * costs six queries and the menu after every miss asks; any desk signal (an agent's availability,
 * a chat queued, claimed or closed, on any instance) forgets it at once, and starting a chat
 * checks again anyway.
 */
const OFFER_AVAILABILITY_MS = 2000;

/** Calls the listener on every change at the agents' desk; returns the unsubscribe function. */
export type DeskChanges = (listener: () => void) => () => void;

/** The issue type of the ticket a live chat request files (see handoff-requests). */
const NEW_REQUEST_ISSUE_TYPE = 'other';

/** The "would you like a person?" question. */
export function handoffOffer(responses: Responses): Reply {
  const { t } = responses;
  return {
    type: 'choices',
    prompt: t('handoff.offer'),
    choices: [
      {
        label: t('handoff.offer_yes'),
        value: { skill: 'handoff', action: 'start', via: 'offer' },
        style: 'primary',
      },
      { label: t('handoff.offer_no'), value: { skill: 'handoff', action: 'decline-offer' } },
    ],
  };
}

function fileTicketAction(responses: Responses): Action {
  return {
    label: responses.t('handoff.offer_ticket_yes'),
    value: { skill: 'core', intent: 'ticket.create' },
  };
}

/** What the bot offers instead of a person while no agent can take a chat: a ticket. */
export function ticketOffer(responses: Responses): Reply {
  const { t } = responses;
  return {
    type: 'choices',
    prompt: t('handoff.offer_ticket'),
    choices: [
      { ...fileTicketAction(responses), style: 'primary' },
      { label: t('handoff.offer_no'), value: { skill: 'handoff', action: 'decline-offer' } },
    ],
  };
}

function isPersonAction(a: Action): boolean {
  return a.value?.skill === 'handoff' ? a.value.action === 'start' : a.value?.intent === 'agent.handoff';
}

function isTicketAction(a: Action): boolean {
  return a.value?.intent === 'ticket.create';
}

function actionsOf(r: Reply): readonly Action[] {
  return r.type === 'choices' ? r.choices : r.type === 'card' || r.type === 'list' ? r.actions : [];
}

function offersPerson(replies: readonly Reply[]): boolean {
  return replies.some((r) => actionsOf(r).some(isPersonAction));
}

/** Buttons that say what the user can do next: a turn's choices, and the help card's actions. */
function nextStepButtons(r: Reply): readonly Action[] {
  return r.type === 'choices' ? r.choices : r.type === 'card' ? r.actions : [];
}

/** The next steps a turn offers (the menu after a miss, "didn't help" answers, the help card). */
function offersPersonAsNextStep(replies: readonly Reply[]): boolean {
  return replies.some((r) => nextStepButtons(r).some(isPersonAction));
}

/** "Talk to a person" replaced by "file a ticket", or dropped when a ticket is offered already. */
function ticketInsteadOfPerson(actions: readonly Action[], responses: Responses): Action[] {
  const hasTicket = actions.some(isTicketAction);
  return actions.flatMap((a) =>
    isPersonAction(a) ? (hasTicket ? [] : [{ ...fileTicketAction(responses), style: a.style }]) : [a],
  );
}

/**
 * The next steps with "talk to a person" replaced by "file a ticket", so every button
 * says what will happen: asking for a person now would be told no agent is available
 * and get a ticket. The question above the buttons no longer promises a person either.
 */
function withoutPerson(
  reply: Reply,
  responses: Responses,
  promptWithoutPerson: (p: string) => string,
): Reply {
  if (!nextStepButtons(reply).some(isPersonAction)) return reply;
  if (reply.type === 'card') return { ...reply, actions: ticketInsteadOfPerson(reply.actions, responses) };
  if (reply.type !== 'choices') return reply;
  if (reply.prompt === responses.t('handoff.offer')) return ticketOffer(responses);
  return {
    ...reply,
    prompt: promptWithoutPerson(reply.prompt),
    choices: ticketInsteadOfPerson(reply.choices, responses),
  };
}

/**
 * Whether an agent can take a new live chat at `now` (agents online, business hours, queue room), as the
 * offers and the channels' home views ask it. Remembered briefly; any desk change forgets it.
 */
export function createLiveChatOpenCheck(
  deps: Pick<HandoffDeps, 'agents' | 'handoffs'>,
  deskChanges: DeskChanges,
): (now: Date) => Promise<boolean> {
  // Keyed by the minute as well, so a clock that moves (business hours) is never answered from an older minute.
  const remembered = new ExpiringCache<number, boolean>(OFFER_AVAILABILITY_MS, 4);
  deskChanges(() => remembered.clear());
  return async (now) => {
    const minute = Math.floor(now.getTime() / 60_000);
    const known = remembered.get(minute);
    if (known !== undefined) return known;
    const { available } = await checkAvailability(deps, NEW_REQUEST_ISSUE_TYPE, now);
    remembered.set(minute, available);
    return available;
  };
}

/**
 * Offers a person when the user says an answer did not help ("this didn't help"),
 * or when a turn brings the unhelpful answers in a row to two, unless the turn's
 * replies already offer one (the menu fallback does). Live chat is offered only
 * while an agent can take it: otherwise the turn's next steps (the menu after a
 * miss, the docs' "didn't help" choices, the help card) offer a ticket instead.
 */
export function createHandoffOfferMiddleware(
  deps: Pick<HandoffDeps, 'responses'>,
  liveChatOpenAt: (now: Date) => Promise<boolean>,
): TurnMiddleware {
  const { responses } = deps;
  const saysUnhelpful = phraseMatcher(responses, 'handoff.didnt_help_phrases');
  const promptWithoutPerson = noPersonPrompt(responses);
  const liveChatOpen = (ctx: TurnContext) => liveChatOpenAt(ctx.now);
  return async (ctx, next) => {
    if (!ctx.message.value && !ctx.state.flow && saysUnhelpful(ctx.message.text)) {
      ctx.state.unhelpfulCount += 1;
      ctx.reply((await liveChatOpen(ctx)) ? handoffOffer(responses) : ticketOffer(responses));
      return;
    }
    const before = ctx.state.unhelpfulCount;
    await next();
    const now = ctx.state.unhelpfulCount;
    const due = before < UNHELPFUL_OFFER_AT && now >= UNHELPFUL_OFFER_AT && !offersPerson(ctx.replies);
    if (!offersPersonAsNextStep(ctx.replies) && !due) return;
    if (await liveChatOpen(ctx)) {
      if (due) ctx.reply(handoffOffer(responses));
      return;
    }
    ctx.replies.splice(
      0,
      ctx.replies.length,
      ...ctx.replies.map((r) => withoutPerson(r, responses, promptWithoutPerson)),
    );
    if (due) ctx.reply(ticketOffer(responses));
  };
}
