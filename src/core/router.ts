import type { MatchContext } from '../nlu/match-context.js';
import { hasOwnWords, requestStretches } from '../nlu/message-parts.js';
import type { PartnerDirectoryNames } from '../nlu/named-partner-question.js';
import { type ActiveFlow, activeFlowSchema, type ConversationState } from './conversation-state.js';
import { someoneElsesFlow } from './flow-owner.js';
import type { Responses } from './responses.js';
import type { Fallback, Skill } from './skill.js';
import type { IntentResult, TurnContext, TurnMiddleware } from './turn-context.js';

export interface IntentMatcher {
  match(text: string, context?: MatchContext): IntentResult;
  /** Whether `match` could use the writer's partner directory for this message (it is read only then). */
  readsPartnerDirectory?(text: string): boolean;
}

export interface AnswerParsers {
  isCancel(text: string): boolean;
  parseYesNo(text: string): 'yes' | 'no' | null;
}

export interface RouterDeps {
  readonly skills: readonly Skill[];
  readonly matcher: IntentMatcher;
  readonly answers: AnswerParsers;
  readonly fallback: Fallback;
  /** The skill that handles an intent, for intents started by a button rather than by text. */
  readonly skillFor: (intent: string) => string | null;
  readonly responses: Responses;
  /** A new intent at or above this confidence may interrupt a flow (after the user confirms). */
  readonly interruptConfidence?: number;
  /** The partner directory of the person writing (null: none), for a question naming one of its partners. */
  readonly partnerDirectory?: (ctx: TurnContext) => Promise<PartnerDirectoryNames | null>;
}

/**
 * Asking for a person wins wherever it is in a message (the engine routes such a message to
 * it), so it is never put off behind a button as a second request.
 */
const PERSON_INTENT = 'agent.handoff';
/**
 * A message with no words of its own (a mention, a channel link, an emoji) asks for nothing yet:
 * it is greeted with what the bot can do, never guessed into a skill's action.
 */
const GREETING_INTENT = 'smalltalk.greeting';
/**
 * A problem told with a question ("the export is timing out again. whats the status of 1001",
 * "status of 1001? the export is timing out again") is the question's context, not a request of
 * its own: such a message is never split.
 */
const PROBLEM_REPORT_INTENT = 'ticket.create';
/**
 * A stretch of fewer words than this is a fragment of the request before it when it holds a number
 * ("1001 please", "may 10") or points back to it ("close it", "and those").
 */
const MIN_NUMBERED_REQUEST_WORDS = 3;
const POINTS_BACK = /^(?:it|its|them|this|that|these|those|one|ones|same)$/i;

/** One request of a message that holds two: its words and what they ask for. */
interface OneRequest {
  readonly text: string;
  readonly intent: IntentResult;
}

/** Where an open question waits in the conversation's memory for the next message. */
const OPEN_QUESTION = 'router.openQuestion';

/**
 * Asks a question the next message may answer or ignore (the menu: "2" presses its second
 * button, anything else is routed as usual). Unlike a flow it holds for one message only, and
 * it is no form: "cancel" or "this didn't help" after it mean what they mean without it.
 */
export function askOpenQuestion(
  ctx: TurnContext,
  question: Pick<ActiveFlow, 'skill' | 'name' | 'slots'>,
): void {
  const asked: ActiveFlow = {
    ...question,
    step: 'answer',
    idempotencyKey: ctx.turnId,
    startedAt: ctx.now.toISOString(),
  };
  ctx.state.memory[OPEN_QUESTION] = asked;
}

/** The open question asked by the previous turn, removed from the state: it holds for one message. */
function takeOpenQuestion(state: ConversationState): ActiveFlow | undefined {
  const stored = state.memory[OPEN_QUESTION];
  if (stored === undefined) return undefined;
  delete state.memory[OPEN_QUESTION];
  const parsed = activeFlowSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Routes a turn: a message from someone other than the person the active flow asks → told
 * so, nothing else; button click → its skill; active flow → its skill (cancel always
 * works; a confident new intent asks before leaving the form); an open question →
 * its skill, first as an answer; intent → its skill; otherwise the fallback.
 * The live-agent gate runs before this, as middleware.
 */
export interface Router {
  route(ctx: TurnContext): Promise<void>;
  /**
   * Runs first in the turn: takes the previous turn's open question out of the state, so it holds for
   * the very next message even when a middleware answers that message without reaching `route`.
   */
  readonly takeOpenQuestion: TurnMiddleware;
  /** Starts an intent by name, as if the user had typed it (menu buttons). */
  runIntentByName(ctx: TurnContext, intent: string): Promise<void>;
}

export function createRouter(deps: RouterDeps): Router {
  const bySkill = new Map(deps.skills.map((s) => [s.name, s]));
  const interruptAt = deps.interruptConfidence ?? 0.85;
  const { t } = deps.responses;

  async function runIntent(ctx: TurnContext, intent: IntentResult): Promise<void> {
    ctx.intent = intent;
    const skill = intent.skill ? bySkill.get(intent.skill) : undefined;
    if (intent.name === 'flow.cancel') {
      ctx.reply({ type: 'text', text: t('core.nothing_to_cancel') });
    } else if (skill?.onIntent) {
      await skill.onIntent(ctx, intent);
    } else {
      await deps.fallback(ctx);
    }
  }

  /**
   * The two requests of a message that holds two ("status of 1002 and how do I invite a
   * partner"): its stretches between sentence ends and "and" are each classified; exactly two
   * must be confident requests of different intents, none a problem report, and the others
   * greetings or thanks. Anything else (a problem told with a question, an unsure stretch, a
   * short numbered fragment: "status of 1000 and 1001 please") is one request: null.
   */
  function twoRequests(text: string, context?: MatchContext): readonly [OneRequest, OneRequest] | null {
    const stretches = requestStretches(text);
    if (stretches.length < 2) return null;
    const requests: OneRequest[] = [];
    for (const stretch of stretches) {
      const intent = deps.matcher.match(stretch.text, context);
      const confident = intent.name !== 'none' && intent.confidence >= interruptAt;
      if (confident && intent.name.startsWith('smalltalk.')) continue;
      if (!confident || !intent.skill || requests.length === 2) return null;
      const words = stretch.text.match(/[\p{L}\p{N}]+/gu) ?? [];
      const fragment = words.some((w) => /\d/.test(w) || POINTS_BACK.test(w));
      if (words.length < MIN_NUMBERED_REQUEST_WORDS && fragment) return null;
      requests.push({ text: stretch.text, intent });
    }
    const [first, second] = requests;
    if (!first || !second || first.intent.name === second.intent.name) return null;
    return [first, second].some((r) => r.intent.name === PROBLEM_REPORT_INTENT) ? null : [first, second];
  }

  /** Answers the first of two requests, then offers the second as a button that sends it as if typed. */
  async function answerFirstOfTwo(ctx: TurnContext, [first, second]: readonly [OneRequest, OneRequest]) {
    ctx.message = { ...ctx.message, text: first.text };
    await runIntent(ctx, first.intent);
    // A form the first request opened asks its own question now; a second one would only confuse.
    if (ctx.state.flow) return;
    ctx.reply({
      type: 'choices',
      prompt: t('core.second_request.prompt'),
      choices: [
        { label: t('core.second_request.button', { request: second.text }), value: { typed: second.text } },
      ],
    });
  }

  /**
   * A button addressed to a skill. One no skill understood (its skill or action renamed by a later
   * deploy, a value it no longer reads: nothing answered) is answered as too old, here once for all skills.
   */
  async function pressButton(ctx: TurnContext, value: Readonly<Record<string, unknown>>, skillName: string) {
    const answered = ctx.replies.length;
    await bySkill.get(skillName)?.onAction?.(ctx, value);
    if (ctx.replies.length > answered) return;
    ctx.logger.info({ skill: skillName, action: value.action }, 'button no skill understood');
    ctx.reply({ type: 'text', text: t('core.button_too_old') });
  }

  // Open questions the turn's first middleware took; a turn routed without it takes its own.
  const taken = new WeakMap<TurnContext, ActiveFlow | undefined>();

  async function route(ctx: TurnContext): Promise<void> {
    const openQuestion = taken.has(ctx) ? taken.get(ctx) : takeOpenQuestion(ctx.state);
    taken.delete(ctx);
    // Someone else's message (a shared thread) touches no flow that asks another person: no answer, no cancel.
    const heldBy = someoneElsesFlow(ctx);
    if (heldBy) {
      ctx.flowHeldBy = heldBy;
      ctx.reply({
        type: 'text',
        text: t('core.flow_held', {
          sender: ctx.message.user.displayName || ctx.user.displayName,
          user: heldBy.name,
        }),
      });
      return;
    }
    const typed = ctx.message.value?.typed;
    if (typeof typed === 'string') {
      // A button that stands for words (the second request of a message): routed as if the user typed them.
      const { value: _button, ...message } = ctx.message;
      ctx.message = { ...message, text: typed };
      await route(ctx);
      return;
    }
    const value = ctx.message.value;
    const text = ctx.message.text.trim();
    if (typeof value?.skill === 'string') {
      await pressButton(ctx, value, value.skill);
      return;
    }

    const flow = ctx.state.flow;
    const flowSkill = flow ? bySkill.get(flow.skill) : undefined;
    if (flow && !flowSkill) {
      ctx.state.flow = undefined;
    }
    if (flow && flowSkill) {
      if (text && deps.answers.isCancel(text)) {
        ctx.state.flow = undefined;
        ctx.state.pendingInterrupt = undefined;
        ctx.intent = { name: 'flow.cancel', confidence: 1, skill: null };
        ctx.reply({ type: 'text', text: t('core.cancelled') });
        return;
      }
      const pending = ctx.state.pendingInterrupt;
      if (pending) {
        const clicked = value?.answer;
        const answer = clicked === 'yes' || clicked === 'no' ? clicked : deps.answers.parseYesNo(text);
        if (answer === 'yes') {
          ctx.state.flow = undefined;
          ctx.state.pendingInterrupt = undefined;
          // The skill answers the request the user confirmed, not the "yes" (or the button's value).
          const { value: _confirmation, ...confirmed } = ctx.message;
          ctx.message = { ...confirmed, text: pending.text };
          await runIntent(ctx, deps.matcher.match(pending.text));
          return;
        }
        if (answer === 'no') {
          ctx.state.pendingInterrupt = undefined;
          await flowSkill.reprompt?.(ctx, flow);
          return;
        }
        ctx.state.pendingInterrupt = undefined;
      }
      const outcome = flowSkill.onFlowMessage ? await flowSkill.onFlowMessage(ctx, flow) : 'not-an-answer';
      if (outcome === 'handled') return;
      const intent = deps.matcher.match(text);
      if (intent.name !== 'none' && intent.confidence >= interruptAt) {
        ctx.intent = intent;
        ctx.state.pendingInterrupt = { intent: intent.name, text };
        ctx.reply({
          type: 'choices',
          prompt: t('core.confirm_interrupt'),
          choices: [
            { label: t('core.yes_switch'), value: { answer: 'yes' } },
            { label: t('core.no_continue'), value: { answer: 'no' } },
          ],
        });
        return;
      }
      ctx.reply({ type: 'text', text: t('core.not_an_answer') });
      await flowSkill.reprompt?.(ctx, flow);
      return;
    }

    if (!text) {
      ctx.reply({ type: 'text', text: t('core.empty_message') });
      return;
    }
    // Like a flow's question, the open question gets the message first; what it does not take is routed as usual.
    const questionSkill = openQuestion ? bySkill.get(openQuestion.skill) : undefined;
    if (openQuestion && (await questionSkill?.onFlowMessage?.(ctx, openQuestion)) === 'handled') return;
    if (!hasOwnWords(text)) {
      await runIntent(ctx, { name: GREETING_INTENT, confidence: 1, skill: deps.skillFor(GREETING_INTENT) });
      return;
    }
    const context =
      deps.partnerDirectory && deps.matcher.readsPartnerDirectory?.(text)
        ? { partnerDirectory: await deps.partnerDirectory(ctx) }
        : undefined;
    const intent = deps.matcher.match(text, context);
    const two = intent.name === PERSON_INTENT ? null : twoRequests(text, context);
    if (two) {
      await answerFirstOfTwo(ctx, two);
      return;
    }
    await runIntent(ctx, intent);
  }

  return {
    route,
    async takeOpenQuestion(ctx, next) {
      taken.set(ctx, takeOpenQuestion(ctx.state));
      await next();
    },
    runIntentByName: (ctx, intent) =>
      runIntent(ctx, { name: intent, confidence: 1, skill: deps.skillFor(intent) }),
  };
}
