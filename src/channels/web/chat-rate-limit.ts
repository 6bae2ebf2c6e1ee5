import type { IncomingMessage } from 'node:http';
import { createTokenBuckets, type TokenBuckets } from './token-buckets.js';

/** Messages a minute to POST /api/chat; 0 means no limit. */
export interface ChatRateLimitSettings {
  readonly perAddressPerMinute: number;
  readonly perUserPerMinute: number;
}

/** A bucket holds half a minute's messages: a burst of clicks passes, a flood does not. */
const BURST_SECONDS = 30;

export const rateLimitedMessage =
  'Too many messages in a short time. Please wait a moment and send it again.';

export interface ChatRateLimit {
  /** Before the body is read: 0 when the client's address may send, else the seconds to wait. */
  address(req: IncomingMessage): number;
  /** Once the web user is known: 0 when that user may send, else the seconds to wait. */
  user(user: string): number;
}

/** Per-client limits of the web chat: by remote address and by web user, each a token bucket. */
export function createChatRateLimit(settings: ChatRateLimitSettings): ChatRateLimit {
  const byAddress = buckets(settings.perAddressPerMinute);
  const byUser = buckets(settings.perUserPerMinute);
  return {
    address: (req) => seconds(byAddress?.take(req.socket.remoteAddress ?? '') ?? 0),
    user: (user) => seconds(byUser?.take(user) ?? 0),
  };
}

function buckets(perMinute: number): TokenBuckets | null {
  if (perMinute <= 0) return null;
  return createTokenBuckets({ perMinute, burst: Math.max(1, Math.floor((perMinute * BURST_SECONDS) / 60)) });
}

function seconds(ms: number): number {
  return ms === 0 ? 0 : Math.max(1, Math.ceil(ms / 1000));
}
