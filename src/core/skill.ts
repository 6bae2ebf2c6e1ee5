import type { ActiveFlow } from './conversation-state.js';
import type { IntentResult, TurnContext } from './turn-context.js';

/** What a skill says about a message sent while its flow is active. */
export type FlowOutcome = 'handled' | 'not-an-answer';

/**
 * A skill handles the intents it owns, continues its own flows and the
 * button clicks addressed to it (`value.skill === name`). Skills get their
 * dependencies passed to their factory; they never import a channel.
 */
export interface Skill {
  readonly name: string;
  onIntent?(ctx: TurnContext, intent: IntentResult): Promise<void>;
  /** Called with each message while this skill's flow is active; the message may be an answer or not. */
  onFlowMessage?(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome>;
  /** Asks the current question of the flow again (after an interruption was declined). */
  reprompt?(ctx: TurnContext, flow: ActiveFlow): Promise<void>;
  /** A click or form submit whose value names this skill. */
  onAction?(ctx: TurnContext, value: Readonly<Record<string, unknown>>): Promise<void>;
}

/** Called when nothing matched: the docs search, then an offer of a human. */
export type Fallback = (ctx: TurnContext) => Promise<void>;
