import type { Responses } from '../../core/responses.js';
import { MAX_ATTACHMENT_BASE64_CHARS, MAX_ATTACHMENTS } from './chat-request.js';

/** The sentences the chat page shows itself (content/responses/web.yml), placeholders left for the page. */
const PAGE_TEXT_KEYS = [
  'typing',
  'author.agent',
  'author.update',
  'not_sent.retrying',
  'not_sent.sending_again',
  'not_sent.gave_up',
  'not_sent.refused',
  'not_sent.retry',
  'reason.offline',
  'reason.status',
  'new_conversation',
  'attachment.too_big',
  'attachment.too_many',
  'attachment.too_big_together',
  'attachment.unreadable',
] as const;

/** Room a request body keeps for the text, names and JSON around its files. */
const BODY_ROOM_BYTES = 64 * 1024;
const MAX_JSON_BYTES_PER_CHAR = 6;

export interface ChatPageSetup {
  readonly texts: Readonly<Record<string, string>>;
  /** What POST /api/chat takes, so the page refuses a file before sending it rather than after. */
  readonly limits: {
    readonly maxTextChars: number;
    readonly maxAttachments: number;
    readonly maxFileBytes: number;
    readonly maxTotalFileBytes: number;
  };
}

/** GET /api/chat/page-setup: the page's own sentences and the API's limits. */
export function chatPageSetup(responses: Responses, maxTextChars: number, bodyLimit: number): ChatPageSetup {
  const texts: Record<string, string> = {};
  for (const key of PAGE_TEXT_KEYS) texts[key] = responses.t(`web.${key}`);
  const base64Room = Math.max(0, bodyLimit - BODY_ROOM_BYTES - maxTextChars * MAX_JSON_BYTES_PER_CHAR);
  return {
    texts,
    limits: {
      maxTextChars,
      maxAttachments: MAX_ATTACHMENTS,
      maxFileBytes: bytesIn(MAX_ATTACHMENT_BASE64_CHARS),
      maxTotalFileBytes: bytesIn(base64Room),
    },
  };
}

/** The most bytes whose base64 fits in this many characters. */
function bytesIn(base64Chars: number): number {
  return Math.floor(base64Chars / 4) * 3;
}
