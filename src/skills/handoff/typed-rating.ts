import type { Responses } from '../../core/responses.js';
import type { TurnMiddleware } from '../../core/turn-context.js';
import { answerRating } from './chat-rating.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { HandoffRequests } from './handoff-requests.js';
import { normalisePhrase, phraseList } from './phrase-list.js';

const RATINGS = [1, 2, 3, 4, 5] as const;
/** "4", "4/5", "4 / 5", "4 out of 5", "4 of 5", "4 stars", "4 star", "4*". */
const NUMBER_RATING = /^(\d{1,2})(?:\s*(?:\/|out of|of)\s*5)?(?:\s*(?:stars?|\*))?$/;
/** "★★★★", "⭐⭐⭐⭐⭐" (the emoji may carry a variation selector). */
const STARS = /^(?:[★⭐]\uFE0F?\s*){1,5}$/u;

/**
 * The rating a typed answer to "How was your chat? (1 = poor, 5 = great)" gives, as its
 * buttons would: a number from 1 to 5 ("5", "4/5", "5 stars"), stars, or the whole message
 * being one of the content's words for a rating ("great", "not bad"), with thanks or
 * "I'd say" around it. Null for anything else ("great, what is the status of 1002").
 */
export function parseTypedRating(text: string, responses: Responses): number | null {
  const extra = phraseList(responses, 'handoff.rating_extra_words');
  const core = stripExtraWords(normalisePhrase(text), extra);
  if (!core) return null;
  if (STARS.test(core)) return [...core.matchAll(/[★⭐]/gu)].length;
  const number = NUMBER_RATING.exec(core);
  if (number) {
    const n = Number(number[1]);
    return n >= 1 && n <= 5 ? n : null;
  }
  for (const rating of RATINGS) {
    if (phraseList(responses, `handoff.rating_words.${rating}`).includes(core)) return rating;
  }
  return null;
}

/** Takes the extra words off both ends, as often as they come ("great, thanks!" → "great"). */
function stripExtraWords(text: string, extra: readonly string[]): string {
  let core = text;
  for (let changed = true; changed && core; ) {
    changed = false;
    for (const word of extra) {
      const before = core;
      if (core === word) core = '';
      else if (core.startsWith(`${word} `)) core = core.slice(word.length + 1);
      else if (core.endsWith(` ${word}`)) core = core.slice(0, -word.length - 1);
      core = normalisePhrase(core);
      if (core !== before) changed = true;
    }
  }
  return core;
}

/**
 * A rating typed right after the rating question: while the latest thing said in the
 * conversation is the question (the user has said nothing since), a message that reads as a
 * rating is handled as the button with that number. Anything else goes on as usual.
 */
export function createTypedRatingMiddleware(deps: HandoffDeps, requests: HandoffRequests): TurnMiddleware {
  return async (ctx, next) => {
    const { message } = ctx;
    if (message.value || message.attachments.length > 0) return next();
    const rating = parseTypedRating(message.text, deps.responses);
    if (rating === null) return next();
    const handoffId = ratingAsked(await deps.messages.latestShown(ctx.conversation.id));
    if (!handoffId) return next();
    await answerRating(ctx, deps, requests, handoffId, rating);
  };
}

/** The chat whose rating question (its 1–5 buttons) this stored reply is, if it is one. */
export function ratingAsked(reply: unknown): string | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const { type, choices } = reply as { type?: unknown; choices?: unknown };
  if (type !== 'choices' || !Array.isArray(choices)) return null;
  for (const choice of choices as Array<{ value?: Record<string, unknown> }>) {
    const value = choice?.value;
    if (value?.skill === 'handoff' && value.action === 'rate' && typeof value.handoffId === 'string') {
      return value.handoffId;
    }
  }
  return null;
}
