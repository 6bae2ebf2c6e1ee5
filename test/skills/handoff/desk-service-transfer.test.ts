import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpRequest } from '../../support/http-client.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe('transferring a live chat through the agent console API', () => {
  let kit: HandoffKit;
  let port: number;
  beforeAll(async () => {
    kit = await startHandoffKit('sqlite', { http: true });
    port = kit.bot.app.port;
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const call = (method: string, path: string, body?: unknown) =>
    httpRequest(port, {
      method,
      path,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? '{}' : JSON.stringify(body),
    });

  async function claimedChat(): Promise<string> {
    await call('POST', '/agent/api/availability?agent=sam', { availability: 'online' });
    await call('POST', '/api/chat', { user: 'alice', text: 'I want to talk to an agent' });
    await kit.settle();
    const queue = (await call('GET', '/agent/api/queue?agent=sam')).json<{
      chats: Array<{ handoffId: string }>;
    }>();
    const handoffId = queue.chats.at(-1)!.handoffId;
    expect((await call('POST', `/agent/api/chats/${handoffId}/claim?agent=sam`)).status).toBe(200);
    return handoffId;
  }

  it('refuses an agent together with a team that does not exist, and leaves the chat as it was', async () => {
    const handoffId = await claimedChat();
    const riley = await kit.agent('riley');
    const before = await kit.desk.chat(handoffId);
    const answer = await call('POST', `/agent/api/chats/${handoffId}/transfer?agent=sam`, {
      agentId: riley.id,
      teamId: 'no-such-team',
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ message: 'No team no-such-team' });
    const after = await kit.desk.chat(handoffId);
    expect(after).toMatchObject({ status: 'assigned', agentId: before?.agentId, teamId: before?.teamId });
  });

  it('moves the chat to an agent in a team that exists', async () => {
    const handoffId = await claimedChat();
    const riley = await kit.agent('riley');
    const answer = await call('POST', `/agent/api/chats/${handoffId}/transfer?agent=sam`, {
      agentId: riley.id,
      teamId: 'team_finance',
    });
    expect(answer.status).toBe(200);
    expect(await kit.desk.chat(handoffId)).toMatchObject({
      status: 'transferred',
      agentId: riley.id,
      teamId: 'team_finance',
    });
  });
});
