import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('offering a person only while an agent is available, on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const labels = (chat: ReturnType<HandoffKit['bot']['chat']>) => chat.actions().map((a) => a.label);

  it('offers a ticket instead of a person when no agent is online', async () => {
    const pat = kit.bot.chat('pat');
    await pat.say('This didn’t help.');
    expect(pat.text()).toMatch(/No agent is available for live chat right now: shall I file a ticket/);
    expect(labels(pat)).toEqual(['File a ticket', 'No thanks']);
    await pat.click('No thanks');
    expect(pat.text()).toMatch(/Type \*\*help\*\*/);

    await pat.say('blorp');
    await pat.say('zzzt');
    expect(labels(pat)).toContain('File a ticket');
    expect(labels(pat)).not.toContain('Talk to a person');
    expect(pat.text()).not.toMatch(/Would you like to talk to a person/);
  });

  it('the help card offers a ticket, not a person, when no agent is online', async () => {
    const pat = kit.bot.chat('pat');
    await pat.say('help');
    expect(pat.text()).toMatch(/Here's what I can do/);
    expect(labels(pat)).toEqual(['File a ticket', 'My tickets']);
  });

  it('offers a person again once an agent is online', async () => {
    await kit.desk.setAvailability(await kit.agent('riley'), 'online');
    const pat = kit.bot.chat('pat');
    await pat.say('help');
    expect(labels(pat)).toEqual(['File a ticket', 'My tickets', 'Talk to a person']);
    await pat.say('blorp');
    await pat.say('zzzt');
    expect(labels(pat)[0]).toBe('Talk to a person');
  });

  it('names the ticket after the question, not after "this did not help"', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    const alice = kit.bot.chat('alice');
    await alice.say('my tracking pixel stopped firing yesterday');
    await alice.say('this did not help');
    await alice.click('Yes, get me a person');
    expect(alice.text()).toMatch(/number 1\*\* in line/);
    const [waiting] = await kit.desk.queue();
    expect(waiting!.ticketSubject).toBe('my tracking pixel stopped firing yesterday');
  });
});
