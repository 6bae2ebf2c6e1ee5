/**
 * A fact shown as text may still be a link when the link hides nothing: a value of the bot's
 * markdown that is one link labelled with its own address (a partner's website,
 * "[acme.com](https://www.acme.com/)"). Slack fields and Teams facts keep such a value a link.
 */

/** A value that is one link of the bot's markdown and nothing else. */
const WHOLE_LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)$/;

/** The value's label and URL when it is one link labelled with its own address, otherwise null. */
export function addressLink(value: string): { readonly label: string; readonly url: string } | null {
  const link = WHOLE_LINK.exec(value.trim());
  if (!link) return null;
  const [, label = '', url = ''] = link;
  return labelNamesAddress(label, url) ? { label, url } : null;
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
