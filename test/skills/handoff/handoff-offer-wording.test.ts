import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docsModule } from '../../../src/skills/docs/docs-module.js';
import { basicRules } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

/** What the user reads above the buttons: every sentence of the turn. */
const PROMISES_A_PERSON = /\b(person|human|agent)\b/i;

describe.each(testProviders())('the words above the buttons match the buttons, on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider, {
      before: [docsModule],
      rules: [
        [/^search docs\b/i, 'docs.search', 'docs'],
        [/\b(agent|human|person)\b/i, 'agent.handoff', 'handoff'],
        ...basicRules,
      ],
    });
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const labels = (chat: ReturnType<HandoffKit['bot']['chat']>) => chat.actions().map((a) => a.label);

  it('"Did this help?" → No, with no agent online: a ticket is offered, and no person is promised', async () => {
    const bob = kit.bot.chat('bob');
    await bob.say('how do i reset my password');
    expect(bob.text()).toMatch(/Did this help\?/);
    await bob.click('No');
    expect(labels(bob)).toEqual(['File a ticket']);
    expect(bob.text()).toMatch(/Sorry that didn't help/);
    expect(bob.text()).toMatch(/ticket/);
    expect(bob.text()).not.toMatch(PROMISES_A_PERSON);
  });

  it('nothing found, with no agent online: the next steps do not promise a person', async () => {
    const bob = kit.bot.chat('bob');
    await bob.say('search docs zyxwvut quokka frobnication');
    expect(bob.text()).toMatch(/couldn't find a help article/);
    expect(labels(bob)).toEqual(['File a ticket']);
    expect(bob.text()).not.toMatch(PROMISES_A_PERSON);
  });

  it('the menu after a miss, with no agent online: no person in its words or its buttons', async () => {
    const bob = kit.bot.chat('bob');
    await bob.say('blorp');
    expect(labels(bob)).toEqual(['File a ticket', 'My tickets']);
    expect(bob.text()).toMatch(/I'm not sure I understood/);
    expect(bob.text()).not.toMatch(PROMISES_A_PERSON);
  });

  it('with an agent online, the same turns offer a person in words and buttons', async () => {
    await kit.desk.setAvailability(await kit.agent('riley'), 'online');
    const bob = kit.bot.chat('bob');
    await bob.say('how do i reset my password');
    await bob.click('No');
    expect(labels(bob)).toEqual(['File a ticket', 'Talk to a person']);
    expect(bob.text()).toMatch(/connect you with a person/);

    await bob.say('search docs zyxwvut quokka frobnication');
    expect(labels(bob)).toEqual(['File a ticket', 'Talk to a person']);
    expect(bob.text()).toMatch(/connect you with a person/);

    const ann = kit.bot.chat('ann');
    await ann.say('blorp');
    expect(labels(ann)).toContain('Talk to a person');
    expect(ann.text()).toMatch(/connect you with a person/);
  });
});
