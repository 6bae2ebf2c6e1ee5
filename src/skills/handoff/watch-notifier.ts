import { checkAvailability } from './agent-availability.js';
import type { HandoffDeps } from './handoff-deps.js';

/** How long a "tell me when someone is available" request stays valid. */
const WATCH_TTL_MS = 24 * 60 * 60_000;

/**
 * Answers "notify me when someone is available" requests whose team can take a
 * chat now (inside business hours, an agent online with a free slot). Each watch
 * is answered once, also with several instances sweeping.
 */
export async function notifyReadyWatchers(deps: HandoffDeps): Promise<number> {
  const now = deps.clock();
  const watches = await deps.watches.open(new Date(now.getTime() - WATCH_TTL_MS));
  if (watches.length === 0) return 0;
  const ready = new Map<string, boolean>();
  const { t } = deps.responses;
  let notified = 0;
  for (const w of watches) {
    const key = w.teamId ?? '';
    if (!ready.has(key)) {
      const check = await checkAvailability(deps, null, now, w.teamId);
      ready.set(key, check.available);
    }
    if (!ready.get(key)) continue;
    if (!(await deps.watches.markNotified(w.id, now))) continue;
    await deps.notifier.send(
      w.conversationId,
      [
        {
          type: 'choices',
          prompt: t('handoff.agent_available_now'),
          choices: [{ label: t('handoff.talk_now'), value: { skill: 'handoff', action: 'start' } }],
        },
      ],
      { author: 'system' },
      w.userId,
    );
    notified++;
  }
  return notified;
}
