import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSocketMode } from './fakes/fake-socket-mode.js';
import { directMessage, eventCallback } from './fakes/slack-payloads.js';
import { postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

describe('Slack Socket Mode', () => {
  const socket = new FakeSocketMode();
  let slack: SlackTestBot;
  beforeAll(async () => {
    await socket.start();
    slack = await startSlackTestBot('sqlite', {
      env: { SLACK_APP_TOKEN: 'xapp-1-A0HELPDESK-test', SLACK_SIGNING_SECRET: '' },
      configureFake: (fake) => {
        fake.socketUrl = socket.url;
      },
    });
  });
  afterAll(async () => {
    await slack.close();
    await socket.stop();
  });

  it('connects with the app token and answers an event it acked over the socket', async () => {
    await socket.waitForConnection();
    const open = slack.fake.callsTo('apps.connections.open')[0];
    expect(open?.token).toBe('xapp-1-A0HELPDESK-test');
    const mark = slack.mark();
    const envelope = socket.sendEvent(eventCallback(directMessage(USERS.alice.id, 'hello over the socket')));
    await socket.waitForAck(envelope);
    const post = await slack.nextPost(mark, 'D0ALICE');
    expect(postedText(post)).toMatch(/Alice/);
    expect(post.token).toBe('xoxb-test-token');
  });

  it('does not serve /slack/events over HTTP in Socket Mode', async () => {
    const { httpRequest } = await import('../../support/http-client.js');
    const answer = await httpRequest(slack.port, { method: 'POST', path: '/slack/events', body: '{}' });
    expect(answer.status).toBe(404);
  });
});
