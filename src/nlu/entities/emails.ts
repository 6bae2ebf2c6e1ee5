import { unique } from './entity-text.js';

export const EMAIL_PATTERN = /(?<![\w.+-])[a-z0-9][\w.+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])/gi;

/** E-mail addresses, lower-cased, in order of appearance. */
export function extractEmails(text: string): string[] {
  return unique((text.match(EMAIL_PATTERN) ?? []).map((e) => e.toLowerCase()));
}
