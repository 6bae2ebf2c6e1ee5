/**
 * Turns chat-platform text into plain words: Slack mentions, channel links and
 * `<url|label>` links, Teams `<at>` tags, HTML entities, emoji shortcodes and
 * emoji pictographs. Used before intent matching and search.
 */
export function stripChatMarkup(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/gi, ' ')
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/gi, (_m, name: string | undefined) => (name ? ` ${name} ` : ' '))
    .replace(/<!(?:here|channel|everyone)(?:\|[^>]*)?>/gi, ' ')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/gi, ' ')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/gi, (_m, url: string, label: string) =>
      url.startsWith('mailto:') ? ` ${label} ` : ` ${label} ${url} `,
    )
    .replace(/<((?:https?|mailto):[^>]+)>/gi, (_m, url: string) => ` ${url.replace(/^mailto:/i, '')} `)
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/:[a-z0-9_+-]+:/gi, ' ')
    .replace(/(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})/gu, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
