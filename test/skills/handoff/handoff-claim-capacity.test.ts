import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('an agent claiming several chats at once on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  it('never takes more chats than their limit', async () => {
    const sam = await kit.agent('sam');
    await kit.desk.setAvailability(sam, 'online');
    for (const user of ['alice', 'bob', 'nora']) await kit.bot.chat(user).say('I want an agent');
    const waiting = await kit.desk.queue();
    expect(waiting).toHaveLength(3);
    await kit.bot.app.services.db.agentProfile.update({ where: { userId: sam.id }, data: { maxChats: 2 } });

    // Three clicks at the same moment (two browser tabs and a Slack button).
    const results = await Promise.all(waiting.map((c) => kit.desk.claim(sam, c.handoffId)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'at-capacity' }]);
    expect(
      await kit.bot.app.services.db.handoff.count({ where: { agentId: sam.id, status: 'assigned' } }),
    ).toBe(2);
  });
});
