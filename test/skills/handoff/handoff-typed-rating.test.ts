import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadResponses, type Responses } from '../../../src/core/responses.js';
import { parseTypedRating } from '../../../src/skills/handoff/typed-rating.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

/** "How was your chat? (1 = poor, 5 = great)" answered by typing, as the buttons answer it. */
describe.each(testProviders())('typed chat ratings on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const rating = async (handoffId: string) =>
    (await kit.bot.app.services.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).rating;

  /** Sam closes `user`'s chat: the user's latest replies are the close line and the rating prompt. */
  async function closedBySam(user: string): Promise<{ chat: Chat; handoffId: string }> {
    const sam = await kit.agent('sam');
    await kit.desk.setAvailability(sam, 'online');
    const chat = kit.bot.chat(user);
    await chat.say('talk to an agent');
    const handoffId = (await kit.desk.queue()).at(-1)!.handoffId;
    await kit.desk.claim(sam, handoffId);
    await kit.desk.close(sam, handoffId);
    expect(await kit.receive(chat)).toMatch(/How was your chat with Sam Agent\? \(1 = poor, 5 = great\)/);
    return { chat, handoffId };
  }

  it.each([
    ['5', 5],
    ['4/5', 4],
    ['5 stars', 5],
    ['great', 5],
    ['3 out of 5', 3],
    ['Good, thanks!', 4],
  ])('takes a typed "%s" as the rating %i', async (typed, expected) => {
    const { chat, handoffId } = await closedBySam('alice');
    await chat.say(typed);
    expect(chat.text()).toMatch(/Thanks for rating! Anything you'd like to add\?/);
    expect(await rating(handoffId)).toBe(expected);

    // As after the button: the next message is the comment.
    await chat.say('quick and friendly');
    expect(chat.text()).toMatch(/Thanks, I've passed that on/);
    const stored = await kit.bot.app.services.db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(stored.ratingComment).toBe('quick and friendly');
  });

  it('takes a typed rating after the user ended the chat', async () => {
    const sam = await kit.agent('sam');
    await kit.desk.setAvailability(sam, 'online');
    const chat = kit.bot.chat('bob');
    await chat.say('talk to an agent');
    const handoffId = (await kit.desk.queue()).at(-1)!.handoffId;
    await kit.desk.claim(sam, handoffId);
    await kit.receive(chat);
    await chat.say('end chat');
    expect(chat.text()).toMatch(/How was your chat with Sam Agent/);
    await chat.say('2');
    expect(await rating(handoffId)).toBe(2);
  });

  it('reads a number as a rating only while the rating question is the latest thing said', async () => {
    const { chat, handoffId } = await closedBySam('pat');
    await chat.say('hi');
    await chat.say('5');
    expect(await rating(handoffId)).toBeNull();
  });

  it('answers a typed rating of a chat rated already as the button does', async () => {
    const { chat, handoffId } = await closedBySam('nora');
    await kit.bot.app.services.db.handoff.update({ where: { id: handoffId }, data: { rating: 3 } });
    await chat.say('5');
    expect(chat.text()).toBe("You've already rated this chat. Thanks!");
    expect(await rating(handoffId)).toBe(3);
  });
});

describe('reading a typed rating', () => {
  let responses: Responses;
  beforeAll(async () => {
    responses = await loadResponses(resolve('content/responses'));
  });
  it.each([
    ['1', 1],
    ['5.', 5],
    ['5/5', 5],
    ['4 / 5', 4],
    ['a 4', 4],
    ['4 stars', 4],
    ['1 star', 1],
    ['★★★★', 4],
    ['⭐⭐⭐⭐⭐', 5],
    ['excellent!', 5],
    ['terrible', 1],
    ['so-so', 3],
    ['great thank you', 5],
    ['not great', 2],
  ])('"%s" is %i', (text, expected) => {
    expect(parseTypedRating(text, responses)).toBe(expected);
  });

  it.each(['6', '0', '10/10', '1002', 'great, what is the status of 1002', 'hi', 'thanks', 'ok thanks', ''])(
    '"%s" is no rating',
    (text) => {
      expect(parseTypedRating(text, responses)).toBeNull();
    },
  );
});
