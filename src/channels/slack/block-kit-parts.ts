/** Small Block Kit builders shared by the renderers. */
import type { types } from '@slack/bolt';
import { truncate } from './slack-mrkdwn.js';

/** Slack's limit on a section's text (api.slack.com/reference/block-kit/blocks). */
export const SECTION_TEXT_MAX = 3000;

/** Mrkdwn sections, split where Slack's 3000-character limit needs it (at a line break when possible). */
export function sections(mrkdwn: string): types.KnownBlock[] {
  const out: types.KnownBlock[] = [];
  let rest = mrkdwn;
  while (rest.length > SECTION_TEXT_MAX) {
    const cut = rest.lastIndexOf('\n', SECTION_TEXT_MAX);
    const at = cut > SECTION_TEXT_MAX / 2 ? cut : SECTION_TEXT_MAX;
    out.push(section(rest.slice(0, at)));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  out.push(section(rest || ' '));
  return out;
}

/** One mrkdwn section. */
export function section(text: string): types.KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Small grey text under a block. */
export function context(mrkdwn: string): types.KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, SECTION_TEXT_MAX) }] };
}

/** A horizontal rule. */
export function divider(): types.KnownBlock {
  return { type: 'divider' };
}

/** A plain_text object cut to Slack's limit for where it goes. */
export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text.trim() || ' ', max), emoji: true };
}
