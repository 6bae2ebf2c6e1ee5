import type { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackIdentities } from '../../../src/channels/slack/slack-identities.js';
import { readSeedDirectory, seedDirectory } from '../../../src/store/seed/seed-directory.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * Slack Connect: someone of another company whose e-mail is a directory user's (an agent's, say)
 * writes in a channel shared with the bot's workspace. The event comes to the bot's workspace,
 * but users.info places them in their own: they are never linked to the directory user.
 */
describe('Slack identities of people of another company', () => {
  let db: TestDatabase;
  const client = {
    users: {
      info: async ({ user }: { user: string }) => ({
        ok: true,
        user: {
          id: user,
          team_id: 'T0PARTNERCO',
          real_name: 'Sam Lookalike',
          profile: { email: 'sam@support.example' },
        },
      }),
    },
  } as unknown as webApi.WebClient;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await seedDirectory(db.prisma, await readSeedDirectory('content/seed/directory.yml'));
  });
  afterAll(() => db.drop());

  it('are not linked by e-mail, though the event came to the bot’s own workspace', async () => {
    const identities = createSlackIdentities({
      db: db.prisma,
      client,
      homeTeam: () => 'T1',
      logger: pino({ level: 'silent' }),
    });
    await identities.inboundUser('T1', 'U0GUEST');
    expect(await identities.botUserIdOf('T1', 'U0GUEST')).toBeNull();
  });
});
