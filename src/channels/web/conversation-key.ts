import { createHash, randomBytes } from 'node:crypto';

/**
 * The key of a web chat's new conversation. A first message with an id gets a key derived
 * from the user and that id, so a retry of it (the answer was lost) is answered with the
 * conversation the first attempt created; without an id the key is random.
 */
export function newConversationKey(user: string, messageId: string | undefined): string {
  if (messageId === undefined) return `web-${randomBytes(9).toString('base64url')}`;
  const digest = createHash('sha256').update(user).update('\u0000').update(messageId).digest();
  return `web-${digest.subarray(0, 12).toString('base64url')}`;
}
