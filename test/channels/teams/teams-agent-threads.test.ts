import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentThreads } from '../../../src/channels/slack/slack-agent-threads.js';
import { createTeamsAgentThreads } from '../../../src/channels/teams/agents/teams-agent-threads.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';

describe.each(testProviders())('Teams agent threads (%s)', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  // Two bot instances sharing the database: one that failed, one started after it.
  const instance = () => createTeamsAgentThreads(database.prisma);
  const thread = (id: string) => `19:agents@thread.tacv2;messageid=${id}`;

  it('keeps the mark of a card whose rewrite failed for every instance, until it is redone', async () => {
    const [failed, restarted] = [instance(), instance()];
    const reservation = await failed.reserve('h_card', 'tenant-1');
    await failed.placed('h_card', reservation!, 'tenant-1', thread('1001'));
    // A chat whose card is not posted yet has no card to mark.
    await failed.reserve('h_unposted', 'tenant-1');
    // The same chat in Slack, whose mark is the Slack channel's.
    const slack = createAgentThreads(database.prisma);
    const slackReservation = await slack.reserve('h_card', 'T1');
    await slack.placed('h_card', slackReservation!, { team: 'T1', channel: 'C1', ts: '1.1' });
    await slack.markStale('h_card', '');

    expect(await restarted.staleHandoffs()).toEqual([]);
    await failed.markStale('h_card');
    await failed.markStale('h_unposted');
    expect(await restarted.staleHandoffs()).toEqual(['h_card']);

    await restarted.clearStale('h_card');
    expect(await failed.staleHandoffs()).toEqual([]);
    expect(await failed.threadOf('h_card')).toBe(thread('1001'));
    expect(await slack.staleHandoffs()).toEqual(['h_card']);
  });

  it('forgets a deleted card, and only that card', async () => {
    const [first, second] = [instance(), instance()];
    const reservation = await first.reserve('h_gone', 'tenant-1');
    await first.placed('h_gone', reservation!, 'tenant-1', thread('2001'));
    const slack = createAgentThreads(database.prisma);
    const slackReservation = await slack.reserve('h_gone', 'T1');
    await slack.placed('h_gone', slackReservation!, { team: 'T1', channel: 'C1', ts: '2.1' });

    await first.forget('h_gone', thread('2001'));
    expect(await second.threadOf('h_gone')).toBeNull();
    expect(await second.handoffOf('tenant-1', thread('2001'))).toBeNull();
    expect(await slack.byHandoff('h_gone')).not.toBeNull();

    // Another instance posted a new card meanwhile: a late forget of the old one leaves it.
    const again = await second.reserve('h_gone', 'tenant-1');
    expect(again).not.toBeNull();
    await second.placed('h_gone', again!, 'tenant-1', thread('2002'));
    await first.forget('h_gone', thread('2001'));
    expect(await first.threadOf('h_gone')).toBe(thread('2002'));
  });
});
