import { addressLink } from '../../text/address-link.js';
import { escapeMrkdwn } from './slack-mrkdwn.js';

/**
 * A card field's value as Slack mrkdwn. A value is a fact, often one a user typed (a ticket's
 * subject), so it is shown as plain text: never made bold, nor a link with a label its writer
 * chose. A value that is only a link labelled with its own address (a partner's website,
 * "[acme.com](https://www.acme.com/)") stays a link: its label hides nothing.
 */
export function fieldMrkdwn(value: string): string {
  const link = addressLink(value);
  return link ? `<${escapeMrkdwn(link.url)}|${escapeMrkdwn(link.label)}>` : escapeMrkdwn(value);
}
