import { createHmac } from 'node:crypto';
import { type HttpAnswer, httpRequest } from '../../../support/http-client.js';

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  readonly secret: string;
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Seconds since the epoch; defaults to now (Slack rejects requests older than 5 minutes). */
  readonly timestamp?: number;
  /** Overrides the computed signature (bad-signature tests). */
  readonly signature?: string;
  /** Slack's retry headers. */
  readonly retryNum?: number;
  readonly path?: string;
}

/** POSTs a body to /slack/events signed the way Slack signs it. */
export function postSigned(port: number, body: string, options: SignedPostOptions): Promise<HttpAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return httpRequest(port, {
    method: 'POST',
    path: options.path ?? '/slack/events',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
      ...(options.retryNum !== undefined
        ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    },
    body,
  });
}

/** An interactive payload as Slack sends it: a form body with one `payload` field of JSON. */
export function interactiveBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A slash command as Slack sends it: a plain form body. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
