import type { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackIdentities } from '../../../src/channels/slack/slack-identities.js';
import { readSeedDirectory, seedDirectory } from '../../../src/store/seed/seed-directory.js';
import { createUserDirectory } from '../../../src/store/user-directory.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';

const emails: Record<string, string> = {
  U0SAM: 'sam@support.example',
  U0ALICE: 'Alice@Acme.example',
  U0BOB: 'bob@acme.example',
};

describe.each(testProviders())('Slack identities (%s)', (provider) => {
  let db: TestDatabase;
  let failUsersInfo = false;
  let clock = 0;
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        if (failUsersInfo) throw new Error('slack is down');
        return {
          ok: true,
          user: { id: user, real_name: `Real ${user}`, profile: { email: emails[user], display_name: '' } },
        };
      },
    },
  } as unknown as webApi.WebClient;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await seedDirectory(db.prisma, await readSeedDirectory('content/seed/directory.yml'));
    failUsersInfo = false;
  });
  afterAll(() => db.drop());

  const make = () =>
    createSlackIdentities({
      db: db.prisma,
      client,
      homeTeam: () => 'T1',
      logger: pino({ level: 'silent' }),
      now: () => clock,
    });

  it('links a Slack user to the directory user with their e-mail (agents get their role)', async () => {
    const identities = make();
    const users = createUserDirectory(db.prisma);
    const inbound = await identities.inboundUser('T1', 'U0SAM');
    expect(inbound).toEqual({ externalId: 'U0SAM', displayName: 'Real U0SAM', email: 'sam@support.example' });
    const profile = await users.resolve('slack', 'T1', inbound);
    expect(profile).toMatchObject({ id: 'usr_sam', role: 'agent' });
    expect(await identities.botUserIdOf('T1', 'U0SAM')).toBe('usr_sam');
    // E-mail case differs from the directory: still the same person.
    await identities.inboundUser('T1', 'U0ALICE');
    expect(await identities.botUserIdOf('T1', 'U0ALICE')).toBe('usr_alice');
  });

  it('trusts e-mails only from the workspace the bot is installed in', async () => {
    const identities = make();
    await identities.inboundUser('T0OTHER', 'U0SAM');
    expect(await identities.botUserIdOf('T0OTHER', 'U0SAM')).toBeNull();
  });

  it('links later a user whose first message came while users.info failed', async () => {
    const identities = make();
    const users = createUserDirectory(db.prisma, { cacheMs: 0 });
    failUsersInfo = true;
    const first = await identities.inboundUser('T1', 'U0BOB');
    expect(first).toEqual({ externalId: 'U0BOB' });
    const newcomer = await users.resolve('slack', 'T1', first);
    expect(newcomer.id).not.toBe('usr_bob');

    failUsersInfo = false;
    clock += 31_000;
    const again = await identities.inboundUser('T1', 'U0BOB');
    expect((await users.resolve('slack', 'T1', again)).id).toBe('usr_bob');
  });
});
