import type { InboundMessage } from '../../core/inbound-message.js';
import { tellNotYours } from './slack-button-owner.js';
import type { SlackListenerDeps } from './slack-listener-deps.js';
import { isDirectMessageChannel } from './slack-reference.js';
import type { TurnDelivery } from './slack-turns.js';

/**
 * Runs the turn and posts its answer. A message that someone else's open flow in the thread
 * did not take (core/flow-owner.ts) is answered to its sender alone, privately, naming whose
 * request it is, as a press of someone else's buttons is (slack-button-owner.ts).
 */
export async function runThreadTurn(
  deps: Pick<SlackListenerDeps, 'turns' | 'services' | 'client' | 'logger'>,
  message: InboundMessage,
  delivery: TurnDelivery,
): Promise<void> {
  const { ref } = delivery;
  const result = await deps.turns.handle(message, ref);
  if (!result || result.duplicate) return;
  const heldBy = result.flowHeldBy;
  if (heldBy && ref.user && !isDirectMessageChannel(ref.channel)) {
    const text = deps.services.responses.t(result.heldLiveChat ? 'slack.chat_held' : 'slack.flow_held');
    await tellNotYours(deps, ref, ref.user, heldBy.externalId, text);
    return;
  }
  await deps.turns.deliver(result, delivery);
}
