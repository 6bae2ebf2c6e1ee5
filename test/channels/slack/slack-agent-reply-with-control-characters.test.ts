import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { handoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { testProviders } from '../../support/test-database.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import { blockActions, directMessage, threadReply } from './fakes/slack-payloads.js';
import {
  AGENTS_CHANNEL,
  agentDeskMatcher,
  buttonIn,
  postedText,
  type SlackTestBot,
  startSlackTestBot,
  USERS,
} from './slack-test-bot.js';

/** An agent's answer in an escalation's thread is platform text too: relayed and stored cleaned. */
describe.each(testProviders())('an agent reply with control characters in Slack, on %s', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider, {
      modules: [ticketsModule, handoffModule, slackModule],
      matcher: agentDeskMatcher,
    });
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  it('reaches the user and the transcript without them', async () => {
    await slack.sendCommand({
      token: 't',
      team_id: 'T0HELPDESK',
      channel_id: 'C0AGENTS',
      user_id: USERS.sam.id,
      command: '/helpdesk',
      text: 'online',
      response_url: slack.fake.responseUrl('sam'),
      trigger_id: '1.2.sam',
    });
    await slack.settle();
    let mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
    const escalation = await slack.nextPost(mark, AGENTS_CHANNEL);
    const ts = String(escalation.result?.ts);
    mark = slack.mark();
    const claim = buttonIn(escalation, 'Claim');
    await slack.sendInteractive(
      blockActions({
        user: USERS.sam.id,
        channel: AGENTS_CHANNEL,
        message: { ts, blocks: escalation.args.blocks },
        button: {
          action_id: claim.action_id,
          text: claim.text,
          ...(claim.value ? { value: claim.value } : {}),
          ...(claim.block_id ? { block_id: claim.block_id } : {}),
        },
        responseUrl: slack.fake.responseUrl('desk'),
      }),
    );
    await slack.fake.waitFor(
      'chat.update',
      (c) => since(mark)(c) && postedText(c).includes('Sam Agent is talking'),
    );

    mark = slack.mark();
    await slack.sendEvent(
      threadReply(USERS.sam.id, AGENTS_CHANNEL, ts, 'Hi Alice,\u0000 checking\u001b[2J now'),
    );
    const relayed = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && c.args.channel === 'D0ALICE' && postedText(c).includes('checking'),
    );
    expect(postedText(relayed)).toContain('Hi Alice, checking now');
    await slack.settle();
    const stored = await slack.database.prisma.message.findMany({ where: { author: 'agent' } });
    expect(stored.map((m) => m.text)).toContain('Hi Alice, checking now');
  });
});
