import type { types } from '@slack/bolt';
import type {
  Action,
  CardReply,
  ChoicesReply,
  FormReply,
  ListReply,
  NoticeReply,
  Reply,
} from '../../core/reply.js';
import { replyToPlainText } from '../../core/reply.js';
import { context, divider, plain, sections } from './block-kit-parts.js';
import { ACTION_OPEN_FORM, encodeOpenForm, encodePostback } from './slack-action-ids.js';
import { fieldMrkdwn } from './slack-field-text.js';
import { boldMrkdwn, escapeMrkdwn, toMrkdwn, truncate } from './slack-mrkdwn.js';

type Block = types.KnownBlock;
type Button = types.Button;

/** Words the renderer itself shows (from content/responses/slack.yml). */
export interface BlockKitTexts {
  /** The button that opens a form as a modal. */
  readonly openForm: string;
  /** The modal's close button when the form has no cancel action. */
  readonly close: string;
}

// Slack's limits (api.slack.com/reference/block-kit): kept here so every reply renders.
const FIELD_MAX = 2000;
const FIELDS_PER_SECTION = 10;
const BUTTONS_PER_ACTIONS = 25;
const BUTTON_TEXT_MAX = 75;
const HEADER_MAX = 150;
const MESSAGE_BLOCKS_MAX = 50;

const noticeIcons: Record<NoticeReply['level'], string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  error: ':x:',
};

/** Where the renderer is in a message: the next button's number, and whom the buttons are for. */
interface ButtonContext {
  n: number;
  /** The Slack user the message's buttons are for (each button's value says so); absent: anyone's. */
  readonly shownTo?: string;
}

/**
 * Renders the bot's replies as the blocks of one Slack message (pure: the same
 * replies give the same blocks). Forms become a summary with an "open form" button;
 * the modal itself comes from {@link renderFormModal}. `shownTo`: the Slack user the
 * buttons are for, written into their values (see slack-button-owner.ts).
 */
export function renderBlocks(replies: readonly Reply[], texts: BlockKitTexts, shownTo?: string): Block[] {
  const blocks = renderAllBlocks(replies, texts, shownTo);
  return blocks.length <= MESSAGE_BLOCKS_MAX
    ? blocks
    : [...blocks.slice(0, MESSAGE_BLOCKS_MAX - 1), context('…')];
}

/** Every block of the replies, past the 50 a message holds (to split them over messages). */
export function renderAllBlocks(replies: readonly Reply[], texts: BlockKitTexts, shownTo?: string): Block[] {
  const counter: ButtonContext = { n: 0, ...(shownTo ? { shownTo } : {}) };
  const blocks: Block[] = [];
  for (const reply of replies) {
    if (blocks.length > 0 && (reply.type === 'card' || reply.type === 'list')) blocks.push(divider());
    blocks.push(...renderReply(reply, texts, counter));
  }
  return blocks;
}

/** The notification text of a message (push notifications, screen readers, old clients). */
export function fallbackText(replies: readonly Reply[]): string {
  return truncate(escapeMrkdwn(replies.map(replyToPlainText).join('\n')), 3000) || ' ';
}

function renderReply(reply: Reply, texts: BlockKitTexts, counter: ButtonContext): Block[] {
  switch (reply.type) {
    case 'text':
      return sections(toMrkdwn(reply.text));
    case 'notice':
      return sections(`${noticeIcons[reply.level]} ${toMrkdwn(reply.text)}`);
    case 'card':
      return renderCard(reply, counter);
    case 'choices':
      return renderChoices(reply, counter);
    case 'list':
      return renderList(reply, counter);
    case 'form':
      return renderFormSummary(reply, texts, counter);
  }
}

function renderCard(card: CardReply, counter: ButtonContext): Block[] {
  const title = card.url
    ? `*<${escapeMrkdwn(card.url)}|${escapeMrkdwn(card.title).replace(/\|/g, '¦')}>*`
    : boldMrkdwn(card.title);
  const blocks: Block[] = [...sections(title || ' ')];
  if (card.subtitle) blocks.push(context(toMrkdwn(card.subtitle)));
  if (card.body) blocks.push(...sections(toMrkdwn(card.body)));
  for (let i = 0; i < card.fields.length; i += FIELDS_PER_SECTION) {
    blocks.push({
      type: 'section',
      fields: card.fields.slice(i, i + FIELDS_PER_SECTION).map((f) => ({
        type: 'mrkdwn' as const,
        text: truncate(`${boldMrkdwn(f.label)}\n${fieldMrkdwn(f.value) || ' '}`, FIELD_MAX),
      })),
    });
  }
  blocks.push(...actionBlocks(card.actions, counter));
  return blocks;
}

function renderChoices(choices: ChoicesReply, counter: ButtonContext): Block[] {
  return [...sections(toMrkdwn(choices.prompt)), ...actionBlocks(choices.choices, counter)];
}

function renderList(list: ListReply, counter: ButtonContext): Block[] {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(list.title || ' ', HEADER_MAX), emoji: true },
    },
  ];
  list.items.forEach((item, i) => {
    if (i > 0) blocks.push(divider());
    blocks.push(...renderCard(item, counter));
  });
  blocks.push(...actionBlocks(list.actions, counter));
  return blocks;
}

function renderFormSummary(form: FormReply, texts: BlockKitTexts, counter: ButtonContext): Block[] {
  const blocks: Block[] = [...sections(boldMrkdwn(form.title) || ' ')];
  const errors = Object.values(form.errors ?? {});
  if (errors.length > 0) blocks.push(...sections(errors.map((e) => `:warning: ${toMrkdwn(e)}`).join('\n')));
  const open: Button = {
    type: 'button',
    action_id: ACTION_OPEN_FORM,
    text: plain(texts.openForm, BUTTON_TEXT_MAX),
    style: 'primary',
    value: encodeOpenForm(form.id, counter.shownTo),
  };
  const elements: Button[] = [open, ...(form.cancel ? [button(form.cancel, counter)] : [])];
  blocks.push({ type: 'actions', elements });
  return blocks;
}

function actionBlocks(actions: readonly Action[], counter: ButtonContext): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_ACTIONS) {
    blocks.push({
      type: 'actions',
      elements: actions.slice(i, i + BUTTONS_PER_ACTIONS).map((a) => button(a, counter)),
    });
  }
  return blocks;
}

function button(action: Action, counter: ButtonContext): Button {
  const n = counter.n++;
  const style = action.style ? { style: action.style } : {};
  if (action.url) {
    return {
      type: 'button',
      action_id: `hd_link:${n}`,
      text: plain(action.label, BUTTON_TEXT_MAX),
      url: action.url,
      ...style,
    };
  }
  return {
    type: 'button',
    action_id: `hd:${n}`,
    text: plain(action.label, BUTTON_TEXT_MAX),
    value: encodePostback(action.value, action.label, counter.shownTo),
    ...style,
  };
}

export { modalErrors, readFormValues, renderFormModal } from './render-form-modal.js';
