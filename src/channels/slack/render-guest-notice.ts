import type { types } from '@slack/bolt';
import { plain, section } from './block-kit-parts.js';

/** Slack's limit on a modal's title and buttons. */
const MODAL_TITLE_MAX = 24;

/** The App Home of someone the help desk does not serve: only the notice (`mrkdwn`), no tickets, no buttons. */
export function renderGuestHome(mrkdwn: string): types.HomeView {
  return { type: 'home', blocks: [section(mrkdwn)] };
}

/** What a modal submitted by someone the help desk does not serve turns into: the notice and a close button. */
export function renderGuestModal(title: string, mrkdwn: string, close: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(title, MODAL_TITLE_MAX),
    close: plain(close, MODAL_TITLE_MAX),
    blocks: [section(mrkdwn)],
  };
}
