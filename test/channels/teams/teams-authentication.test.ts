import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { teamsAuthentication } from '../../../src/channels/teams/bot-authentication.js';
import { createTeamsModule, teamsModule } from '../../../src/channels/teams/teams-module.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { personalMessage, teamsUser } from './fakes/teams-activities.js';
import { startTeamsTestBot, type TeamsTestBot } from './fakes/teams-test-bot.js';

const APP_ID = '5f1c0a7e-2b3d-4c5e-8f90-a1b2c3d4e5f6';

/**
 * A stand-in for the Bot Framework's OpenID metadata and signing keys
 * (login.botframework.com), so token validation runs offline against a key we hold.
 */
class FakeKeyServer {
  readonly published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server: Server | null = null;
  port = 0;

  get metadataUrl(): string {
    return `http://127.0.0.1:${this.port}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<void> {
    const jwk = this.published.publicKey.export({ format: 'jwk' });
    this.server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.endsWith('openidconfiguration')) {
        res.end(
          JSON.stringify({
            issuer: 'https://api.botframework.com',
            jwks_uri: `http://127.0.0.1:${this.port}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
      } else {
        res.end(
          JSON.stringify({
            keys: [
              { kty: 'RSA', use: 'sig', kid: 'published', n: jwk.n, e: jwk.e, endorsements: ['msteams'] },
            ],
          }),
        );
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/**
 * botbuilder's public-cloud settings with only the signing keys' address changed
 * (overriding one setting makes botbuilder take every other one from the options).
 */
function publicCloudWithKeysAt(metadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
  };
}

/** A Bot Framework-looking JWT. */
function token(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
}

describe('Teams endpoint authentication', () => {
  let bot: TeamsTestBot | null = null;
  afterEach(async () => {
    await bot?.close();
    bot = null;
  });

  it('chooses JWT with an app ID, local traffic on loopback without one, and refuses otherwise', () => {
    expect(
      teamsAuthentication({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 's',
        MICROSOFT_APP_TYPE: 'MultiTenant',
        loopback: false,
      } as never).mode,
    ).toBe('jwt');
    expect(teamsAuthentication({ MICROSOFT_APP_TYPE: 'MultiTenant', loopback: true } as never).mode).toBe(
      'local',
    );
    expect(teamsAuthentication({ MICROSOFT_APP_TYPE: 'MultiTenant', loopback: false } as never).mode).toBe(
      'refused',
    );
  });

  it('with MICROSOFT_APP_ID set, refuses activities without a valid Bot Framework token (401) and runs no turn', async () => {
    const keys = new FakeKeyServer();
    await keys.start();
    try {
      bot = await startTeamsTestBot('sqlite', {
        modules: [
          createTeamsModule({
            botFrameworkSettings: publicCloudWithKeysAt(keys.metadataUrl),
          }),
        ],
        matcher: keywordMatcher(basicRules),
        env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret' },
      });
      const user = teamsUser('mallory', 'Mallory');
      const activity = personalMessage(bot.connector.serviceUrl, user, 'hi');
      const serviceurl = bot.connector.serviceUrl;
      const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const attempts: Array<Record<string, string>> = [
        {},
        { authorization: 'Bearer not-a-jwt' },
        // signed by a key Microsoft never published
        { authorization: `Bearer ${token(forger, 'forged', { serviceurl })}` },
        // the published key, claiming the published key id, but another signer
        { authorization: `Bearer ${token(forger, 'published', { serviceurl })}` },
        // a genuine signature for another bot
        {
          authorization: `Bearer ${token(keys.published.privateKey, 'published', { serviceurl, aud: 'another-bot' })}`,
        },
        // a genuine signature from another issuer
        {
          authorization: `Bearer ${token(keys.published.privateKey, 'published', { serviceurl, iss: 'https://evil.example' })}`,
        },
      ];
      for (const [i, headers] of attempts.entries()) {
        const answer = await bot.post({ ...activity, id: `attempt-${i}` }, headers);
        expect({ attempt: i, status: answer.status }).toEqual({ attempt: i, status: 401 });
      }
      expect(bot.connector.calls).toEqual([]);
      expect(await bot.database.prisma.message.count()).toBe(0);

      // A token the Bot Framework would issue is accepted and the turn runs. (Sending
      // the answer needs an AAD token from login.microsoftonline.com, unreachable here.)
      const genuine = token(keys.published.privateKey, 'published', { serviceurl });
      const answer = await bot.post({ ...activity, id: 'genuine' }, { authorization: `Bearer ${genuine}` });
      expect(answer.status).not.toBe(401);
      expect(await bot.database.prisma.message.count({ where: { direction: 'in', text: 'hi' } })).toBe(1);
    } finally {
      await bot?.close();
      bot = null;
      await keys.close();
    }
  });

  it('without an app ID on a non-loopback address, refuses every activity (403) with a clear message', async () => {
    bot = await startTeamsTestBot('sqlite', {
      modules: [teamsModule],
      matcher: keywordMatcher(basicRules),
      env: { HOST: '0.0.0.0', WEB_AUTH_TOKEN: 'web-secret' },
    });
    const answer = await bot.post(personalMessage(bot.connector.serviceUrl, teamsUser('eve', 'Eve'), 'hi'));
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/MICROSOFT_APP_ID is not set/);
    expect(bot.connector.calls).toEqual([]);
  });
});
