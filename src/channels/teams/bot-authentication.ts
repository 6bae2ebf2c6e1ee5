import { createRequire } from 'node:module';
import {
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../../config.js';

/**
 * botframework-connector as botbuilder itself loads it: CloudAdapter answers 401
 * only for an `instanceof` its AuthenticationError, so it must be the same copy.
 */
const connector = createRequire(createRequire(import.meta.url).resolve('botbuilder'))(
  'botframework-connector',
) as {
  AuthenticationError: new (message: string, statusCode: number) => Error;
};

/** Errors of the JWT library botbuilder lets through (a bad signature, an expired token). */
const tokenErrors = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * botbuilder's configuration-based authentication, except that a token with a
 * bad signature is refused with 401 like every other invalid token (botbuilder
 * lets the JWT library's error through, which CloudAdapter answers with 500).
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string) {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && tokenErrors.has(error.name)) {
        throw new connector.AuthenticationError(`Unauthorized. ${error.message}`, 401);
      }
      throw error;
    }
  }
}

/**
 * How /api/messages trusts its callers:
 * - `jwt`: an app ID is configured; Bot Framework JWTs are validated (production).
 * - `local`: no app ID and the server only listens on loopback; unauthenticated
 *   activities are accepted, as local clients (Agents Playground, emulators) send them.
 * - `refused`: no app ID but the server is reachable from other machines; every
 *   activity is refused, since anyone could otherwise speak as any Teams user.
 */
export type TeamsAuthMode = 'jwt' | 'local' | 'refused';

export interface TeamsAuthentication {
  readonly mode: TeamsAuthMode;
  /** The bot's Microsoft app ID; '' without one. */
  readonly appId: string;
  readonly botFrameworkAuthentication: ConfigurationBotFrameworkAuthentication;
}

/**
 * Builds the Bot Framework authentication from the MICROSOFT_APP_* settings.
 * `settings` adds botbuilder's own options (e.g. `ToBotFromChannelOpenIdMetadataUrl`
 * for a sovereign cloud, or a local key server in tests).
 */
export function teamsAuthentication(
  config: Pick<
    Config,
    | 'MICROSOFT_APP_ID'
    | 'MICROSOFT_APP_PASSWORD'
    | 'MICROSOFT_APP_TENANT_ID'
    | 'MICROSOFT_APP_TYPE'
    | 'loopback'
  >,
  settings: ConfigurationBotFrameworkAuthenticationOptions = {},
): TeamsAuthentication {
  const appId = config.MICROSOFT_APP_ID ?? '';
  const mode: TeamsAuthMode = appId ? 'jwt' : config.loopback ? 'local' : 'refused';
  // With an empty app ID botbuilder skips JWT validation and signs nothing outbound;
  // botbuilder checks the combinations (SingleTenant needs a tenant, MSI no password).
  const botFrameworkAuthentication = new StrictBotFrameworkAuthentication({
    ...settings,
    ...(appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
          MicrosoftAppType: config.MICROSOFT_APP_TYPE,
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '' }),
  });
  return { mode, appId, botFrameworkAuthentication };
}
