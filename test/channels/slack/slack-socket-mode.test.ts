import { pino } from 'pino';
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

/** The app's log lines, as JSON, with a wait for one that matches. */
function logCapture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const matching = (msg: RegExp) => lines.filter((l) => typeof l.msg === 'string' && msg.test(l.msg));
  /** Waits for the `count`th line matching `msg` and returns the lines so far. */
  const waitFor = async (msg: RegExp, count = 1, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (matching(msg).length < count) {
      if (Date.now() > deadline) throw new Error(`fewer than ${count} log lines matched ${msg}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return matching(msg);
  };
  return { logger, matching, waitFor };
}

const SOCKET_ENV = { SLACK_APP_TOKEN: 'xapp-1-A0HELPDESK-test', SLACK_SIGNING_SECRET: '' };

describe('Slack Socket Mode when the first connection fails', () => {
  it('starts anyway, retries with backoff, answers once the socket accepts, and connects again after a drop', async () => {
    const socket = new FakeSocketMode();
    await socket.start();
    const { listeningPort: port, url } = socket;
    await socket.stop(); // the socket refuses connections for now
    const logs = logCapture();
    const slack = await startSlackTestBot('sqlite', {
      env: SOCKET_ENV,
      logger: logs.logger,
      configureFake: (fake) => {
        fake.socketUrl = url;
      },
    });
    try {
      const [failed] = await logs.waitFor(/slack socket mode could not connect/);
      expect(failed).toMatchObject({ level: 40, attempt: 1 });
      expect(failed!.retryInMs).toBeGreaterThan(0);
      expect(logs.matching(/slack socket mode connected/)).toHaveLength(0);

      await socket.start(port);
      await socket.waitForConnection(10_000);
      await logs.waitFor(/slack socket mode connected/);
      const mark = slack.mark();
      const envelope = socket.sendEvent(eventCallback(directMessage(USERS.alice.id, 'hello after a retry')));
      await socket.waitForAck(envelope);
      expect(postedText(await slack.nextPost(mark, 'D0ALICE'))).toMatch(/Alice/);

      // Slack drops the connection later: the channel connects again.
      await socket.stop();
      await logs.waitFor(/slack socket mode disconnected; reconnecting/);
      await socket.start(port);
      await socket.waitForConnection(10_000);
      await logs.waitFor(/slack socket mode connected/, 2);
    } finally {
      await slack.close();
      await socket.stop();
    }
  });

  it('retries when Slack cannot open a connection at start (an outage), waiting longer each time', async () => {
    const socket = new FakeSocketMode();
    await socket.start();
    const logs = logCapture();
    const slack = await startSlackTestBot('sqlite', {
      env: SOCKET_ENV,
      logger: logs.logger,
      configureFake: (fake) => {
        fake.socketUrl = socket.url;
        fake.outage = true;
      },
    });
    try {
      const failures = await logs.waitFor(/slack socket mode could not connect/, 2);
      expect(failures.map((l) => l.attempt)).toEqual([1, 2]);
      expect(Number(failures[1]!.retryInMs)).toBeGreaterThan(Number(failures[0]!.retryInMs));
      expect(socket.connected).toBe(0);

      slack.fake.outage = false;
      await socket.waitForConnection(10_000);
      const [connected] = await logs.waitFor(/slack socket mode connected/);
      expect(connected!.attempts).toBeGreaterThanOrEqual(3);
    } finally {
      await slack.close();
      await socket.stop();
    }
  });
});
