import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('escalation tickets of one conversation on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const db = () => kit.bot.app.services.db;

  it('files a new ticket for a new escalation once the earlier one is closed', async () => {
    const chat = kit.bot.chat('alice');
    await chat.say('my tracking pixel stopped firing yesterday');
    await chat.say('talk to a human');
    const conversationId = await kit.conversationId(chat);
    const first = await db().ticket.findFirstOrThrow({ where: { conversationId } });
    await db().ticket.update({ where: { id: first.id }, data: { status: 'closed' } });

    await chat.say('the pixel stopped firing again today');
    await chat.say('talk to a human');

    const tickets = await db().ticket.findMany({ where: { conversationId }, orderBy: { id: 'asc' } });
    expect(tickets.map((t) => t.id)).toEqual([first.id, expect.any(Number)]);
    expect(chat.text()).toContain(`**#${tickets[1]!.id}**`);
    expect(tickets[1]!.subject).toBe('the pixel stopped firing again today');
  });

  it('keeps the open escalation ticket when the user asks again', async () => {
    const chat = kit.bot.chat('alice');
    await chat.say('my tracking pixel stopped firing yesterday');
    await chat.say('talk to a human');
    await chat.say('talk to a human');

    const conversationId = await kit.conversationId(chat);
    const tickets = await db().ticket.findMany({ where: { conversationId } });
    expect(tickets).toHaveLength(1);
    expect(chat.text()).toContain(`Your ticket **#${tickets[0]!.id}** stays open`);
  });
});
