/** A value that is one link of the bot's markdown and nothing else. */
const WHOLE_LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)$/;

/**
 * Text shown as typed where an Adaptive Card reads markdown (a TextBlock, a fact's value):
 * the characters that would make it bold, italic, struck through, code or a link are
 * backslash-escaped, so a ticket subject "[confirm your details](https://…)" is no link.
 */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]]/g, (c) => `\\${c}`);
}

/**
 * A card field's value: plain text (it is often what a user typed), except a value that is
 * only a link labelled with its own address (a partner's website, "[acme.com](https://www.acme.com/)"),
 * which stays a link: its label hides nothing.
 */
export function factText(value: string): string {
  const link = WHOLE_LINK.exec(value.trim());
  return link && labelNamesAddress(link[1]!, link[2]!) ? value.trim() : escapeCardMarkdown(value);
}

/** Whether a link's label is its address: the URL itself, or its host (with or without "www."). */
function labelNamesAddress(label: string, url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  const named = label.trim().toLowerCase().replace(/\/$/, '');
  const bare = (text: string) => text.replace(/^www\./, '');
  return named === url.toLowerCase().replace(/\/$/, '') || bare(named) === bare(host);
}
