import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { boltLogger } from './slack-logger.js';

/**
 * Web API client settings: SLACK_API_URL (tests point it at a local fake), and a
 * bounded retry. A 429 waits for Retry-After before the retry; whatever still
 * fails is thrown, and the caller queues the message in the outbox instead of
 * holding a request for Slack's default half hour of retries.
 */
export function slackClientOptions(config: Config, logger: Logger): webApi.WebClientOptions {
  const url = config.SLACK_API_URL;
  return {
    ...(url ? { slackApiUrl: url.endsWith('/') ? url : `${url}/` } : {}),
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000, randomize: true },
    timeout: 10_000,
    rejectRateLimitedCalls: false,
    logger: boltLogger(logger),
  };
}
