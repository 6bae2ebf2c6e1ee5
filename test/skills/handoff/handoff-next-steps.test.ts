import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('when no agent can take the chat, on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider, {
      env: { SUPPORT_PHONE: '+1 555 0100', CSM_BOOKING_URL: 'https://book.example.com/csm' },
    });
  });
  afterAll(() => kit.close());

  it('files the ticket and points to phone support', async () => {
    const alice = kit.bot.chat('alice');
    await alice.say('I need a human');
    expect(alice.text()).toMatch(
      /No agent is available for live chat right now\. I've filed ticket \*\*#\d+\*\*/,
    );
    expect(alice.text()).toMatch(/call support at \*\*\+1 555 0100\*\*/);
    // Alice's account is not an enterprise customer.
    expect(alice.text()).not.toMatch(/customer success manager/);
  });

  it('offers an enterprise customer time with their customer success manager', async () => {
    const nora = kit.bot.chat('nora');
    await nora.say('I need a human');
    expect(nora.text()).toMatch(/I've filed ticket \*\*#\d+\*\*/);
    expect(nora.text()).toMatch(/call support at \*\*\+1 555 0100\*\*/);
    expect(nora.text()).toContain(
      '[book time with your customer success manager](https://book.example.com/csm)',
    );
  });

  it('keeps the ticket the user asked about and still points to the next steps', async () => {
    const nora = kit.bot.chat('nora');
    await nora.say('I need a human');
    await nora.say('I need a human');
    expect(nora.text()).toMatch(/Your ticket \*\*#\d+\*\* stays open/);
    expect(nora.text()).toMatch(/call support at/);
  });
});

describe.each(testProviders())('without phone or booking settings, on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());

  it('offers neither', async () => {
    const nora = kit.bot.chat('nora');
    await nora.say('I need a human');
    expect(nora.text()).toMatch(/I've filed ticket/);
    expect(nora.text()).not.toMatch(/call support|customer success manager/);
  });
});
