import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsModule } from '../../../src/skills/docs/docs-module.js';
import { createHandoffModule, type HandoffInternals } from '../../../src/skills/handoff/handoff-module.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { fakeTicketsModule } from '../handoff/fake-tickets.js';
import { webChannelModule } from '../handoff/handoff-kit.js';

describe.each(testProviders())('next steps after a docs answer, with live chat, on %s', (provider) => {
  let bot: TestBot;
  let handoff: HandoffInternals | null = null;
  beforeAll(async () => {
    const live = createHandoffModule({
      sweepIntervalMs: 3_600_000,
      onCreated: (inner) => {
        handoff = inner;
      },
    });
    bot = await startTestBot(provider, {
      modules: [docsModule, fakeTicketsModule(), live, webChannelModule],
    });
  });
  afterAll(() => bot.close());

  const notHelpful = async (user: string) => {
    const chat = bot.chat(user);
    await chat.say('how do i reset my password');
    await chat.click('No');
    return chat.actions().map((a) => a.label);
  };

  it('offers a person only while an agent is available, a ticket always', async () => {
    expect(await notHelpful('bob')).toEqual(['File a ticket']);

    const inner = handoff as unknown as HandoffInternals;
    const sam = await inner.deps.agents.userByWebId('sam');
    await inner.desk.setAvailability(sam!, 'online');
    expect(await notHelpful('alice')).toEqual(['File a ticket', 'Talk to a person']);
  });
});
