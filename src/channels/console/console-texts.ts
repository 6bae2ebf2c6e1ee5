/** What the terminal chat itself says (the bot's answers come from content/responses). */
export const CONSOLE_TEXTS = {
  tooLong: (chars: number, max: number) =>
    `Your message is ${chars.toLocaleString('en')} characters long; the limit is ${max.toLocaleString('en')}. ` +
    'Nothing was sent: please shorten it (paste only the part that matters) and send it again.',
} as const;
