import { escapeMrkdwn } from './slack-mrkdwn.js';

/** A value that is one link of the bot's markdown and nothing else. */
const WHOLE_LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)$/;

/**
 * A card field's value as Slack mrkdwn. A value is a fact, often one a user typed (a ticket's
 * subject), so it is shown as plain text: never made bold, nor a link with a label its writer
 * chose. A value that is only a link labelled with its own address (a partner's website,
 * "[acme.com](https://www.acme.com/)") stays a link: its label hides nothing.
 */
export function fieldMrkdwn(value: string): string {
  const link = WHOLE_LINK.exec(value.trim());
  if (link && labelNamesAddress(link[1]!, link[2]!)) {
    return `<${escapeMrkdwn(link[2]!)}|${escapeMrkdwn(link[1]!)}>`;
  }
  return escapeMrkdwn(value);
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
