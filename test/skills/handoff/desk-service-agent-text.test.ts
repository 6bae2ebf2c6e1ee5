import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

/** Every desk (web console, Slack, Teams) hands an agent's words to the desk service, which cleans them. */
describe.each(testProviders())('an agent text with control characters, on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  async function claimedChat(user: string) {
    const sam = await kit.agent('sam');
    await kit.desk.setAvailability(sam, 'online');
    const chat = kit.bot.chat(user);
    await chat.say('I want an agent');
    const handoffId = (await kit.desk.queue()).at(-1)!.handoffId;
    expect((await kit.desk.claim(sam, handoffId)).ok).toBe(true);
    await kit.receive(chat);
    return { sam, chat, handoffId };
  }

  it('reaches the user without a NUL byte or escape sequence, and the next reply follows', async () => {
    const { sam, chat, handoffId } = await claimedChat('alice');
    await kit.desk.reply(sam, handoffId, 'Fixed \u001b[31mnow\u001b[0m\u0000, thanks');
    await kit.desk.reply(sam, handoffId, 'Anything else?');
    expect(await kit.receive(chat)).toBe('Fixed now, thanks\nAnything else?');
  });

  it('is refused when nothing is left of it, saying why', async () => {
    const { sam, handoffId } = await claimedChat('bob');
    const refused = kit.desk.reply(sam, handoffId, '\u0000\u001b[2J\u0007');
    await expect(refused).rejects.toMatchObject({
      status: 400,
      message: kit.bot.app.services.responses.t('handoff.desk_text_unprintable'),
    });
    await expect(kit.desk.note(sam, handoffId, '\u0000 \u0008')).rejects.toMatchObject({ status: 400 });
  });

  it('is stored as a note without them, on the transcript and the ticket', async () => {
    const { sam, handoffId } = await claimedChat('nora');
    await kit.desk.note(sam, handoffId, 'checked \u001b[1mthe\u001b[0m payout tool\u0000');
    const notes = (await kit.desk.transcript(handoffId)).filter((e) => e.author === 'note');
    expect(notes.map((e) => e.text)).toEqual(['checked the payout tool']);
    expect(kit.tickets.log.comments.at(-1)).toMatchObject({
      body: 'checked the payout tool',
      internal: true,
    });
  });
});
