import type { types } from '@slack/bolt';
import type {
  Action,
  CardReply,
  ChoicesReply,
  FormInput,
  FormReply,
  ListReply,
  NoticeReply,
  Reply,
} from '../../core/reply.js';
import { replyToPlainText } from '../../core/reply.js';
import { ACTION_OPEN_FORM, encodePostback, VIEW_FORM } from './slack-action-ids.js';
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
const SECTION_TEXT_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_PER_SECTION = 10;
const BUTTONS_PER_ACTIONS = 25;
const BUTTON_TEXT_MAX = 75;
const HEADER_MAX = 150;
const MESSAGE_BLOCKS_MAX = 50;
const MODAL_TITLE_MAX = 24;
const OPTION_TEXT_MAX = 75;
const OPTION_VALUE_MAX = 150;
const OPTIONS_MAX = 100;

const noticeIcons: Record<NoticeReply['level'], string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  error: ':x:',
};

/**
 * Renders the bot's replies as the blocks of one Slack message (pure: the same
 * replies give the same blocks). Forms become a summary with an "open form" button;
 * the modal itself comes from {@link renderFormModal}.
 */
export function renderBlocks(replies: readonly Reply[], texts: BlockKitTexts): Block[] {
  const counter = { n: 0 };
  const blocks: Block[] = [];
  for (const reply of replies) {
    if (blocks.length > 0 && (reply.type === 'card' || reply.type === 'list')) blocks.push(divider());
    blocks.push(...renderReply(reply, texts, counter));
  }
  return blocks.length <= MESSAGE_BLOCKS_MAX
    ? blocks
    : [...blocks.slice(0, MESSAGE_BLOCKS_MAX - 1), context('…')];
}

/** The notification text of a message (push notifications, screen readers, old clients). */
export function fallbackText(replies: readonly Reply[]): string {
  return truncate(escapeMrkdwn(replies.map(replyToPlainText).join('\n')), 3000) || ' ';
}

function renderReply(reply: Reply, texts: BlockKitTexts, counter: { n: number }): Block[] {
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

function renderCard(card: CardReply, counter: { n: number }): Block[] {
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
        text: truncate(`${boldMrkdwn(f.label)}\n${toMrkdwn(f.value) || ' '}`, FIELD_MAX),
      })),
    });
  }
  blocks.push(...actionBlocks(card.actions, counter));
  return blocks;
}

function renderChoices(choices: ChoicesReply, counter: { n: number }): Block[] {
  return [...sections(toMrkdwn(choices.prompt)), ...actionBlocks(choices.choices, counter)];
}

function renderList(list: ListReply, counter: { n: number }): Block[] {
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

function renderFormSummary(form: FormReply, texts: BlockKitTexts, counter: { n: number }): Block[] {
  const blocks: Block[] = [...sections(boldMrkdwn(form.title) || ' ')];
  const errors = Object.values(form.errors ?? {});
  if (errors.length > 0) blocks.push(...sections(errors.map((e) => `:warning: ${toMrkdwn(e)}`).join('\n')));
  const open: Button = {
    type: 'button',
    action_id: ACTION_OPEN_FORM,
    text: plain(texts.openForm, BUTTON_TEXT_MAX),
    style: 'primary',
    value: JSON.stringify({ form: form.id }),
  };
  const elements: Button[] = [open, ...(form.cancel ? [button(form.cancel, counter)] : [])];
  blocks.push({ type: 'actions', elements });
  return blocks;
}

/**
 * The form as a modal: one input block per input, `block_id` = the input id, so
 * the validation errors a skill returns map straight onto `response_action: errors`.
 */
export function renderFormModal(
  form: FormReply,
  privateMetadata: string,
  texts: BlockKitTexts,
): types.ModalView {
  const errors = Object.entries(form.errors ?? {}).filter(([id]) => !form.inputs.some((i) => i.id === id));
  const blocks: Block[] = [];
  if (errors.length > 0) {
    blocks.push(...sections(errors.map(([, e]) => `:warning: ${toMrkdwn(e)}`).join('\n')));
  }
  for (const input of form.inputs) blocks.push(renderInput(input, form.errors?.[input.id]));
  return {
    type: 'modal',
    callback_id: VIEW_FORM,
    title: plain(form.title, MODAL_TITLE_MAX),
    submit: plain(form.submit.label, MODAL_TITLE_MAX),
    close: plain(form.cancel?.label ?? texts.close, MODAL_TITLE_MAX),
    notify_on_close: true,
    private_metadata: privateMetadata,
    blocks,
  };
}

function renderInput(input: FormInput, error: string | undefined): Block {
  const hint = error ? { hint: plain(`⚠ ${error}`, 2000) } : {};
  const label = plain(input.label, 2000);
  const placeholder = input.placeholder ? { placeholder: plain(input.placeholder, 150) } : {};
  const base = { type: 'input' as const, block_id: input.id, label, optional: !input.required, ...hint };
  switch (input.kind) {
    case 'text':
    case 'textarea':
    case 'email-list':
      return {
        ...base,
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: input.kind === 'textarea',
          ...(input.value ? { initial_value: input.value } : {}),
          ...(input.maxLength ? { max_length: Math.min(input.maxLength, 3000) } : {}),
          ...placeholder,
        },
      };
    case 'number':
      return {
        ...base,
        element: {
          type: 'number_input',
          action_id: 'value',
          is_decimal_allowed: false,
          ...(input.value && /^-?\d+$/.test(input.value) ? { initial_value: input.value } : {}),
          ...placeholder,
        },
      };
    case 'select': {
      const options = (input.options ?? []).slice(0, OPTIONS_MAX).map((o) => ({
        text: plain(o.label, OPTION_TEXT_MAX),
        value: o.value.slice(0, OPTION_VALUE_MAX),
      }));
      const initial = options.find((o) => o.value === input.value);
      return {
        ...base,
        element: {
          type: 'static_select',
          action_id: 'value',
          options,
          ...(initial ? { initial_option: initial } : {}),
          ...placeholder,
        },
      };
    }
    case 'toggle': {
      const option = { text: plain(input.placeholder ?? input.label, OPTION_TEXT_MAX), value: 'true' };
      return {
        ...base,
        // An unticked box is a valid answer ("no"), so a toggle is never required.
        optional: true,
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [option],
          ...(input.value === 'true' ? { initial_options: [option] } : {}),
        },
      };
    }
  }
}

/** Form values from a submitted modal's `state.values`, by input id (every value a string). */
export function readFormValues(state: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const blocks = (state as { values?: Record<string, Record<string, unknown>> } | undefined)?.values ?? {};
  for (const [blockId, elements] of Object.entries(blocks)) {
    const element = (elements?.value ?? Object.values(elements ?? {})[0]) as
      | Record<string, unknown>
      | undefined;
    if (!element) continue;
    switch (element.type) {
      case 'static_select':
        values[blockId] = String((element.selected_option as { value?: string } | null)?.value ?? '');
        break;
      case 'checkboxes':
        values[blockId] =
          Array.isArray(element.selected_options) && element.selected_options.length > 0 ? 'true' : 'false';
        break;
      default:
        values[blockId] = typeof element.value === 'string' ? element.value : '';
    }
  }
  return values;
}

/** `response_action: errors` for a form: errors by block id, unknown ids on the first input. */
export function modalErrors(form: FormReply): Record<string, string> {
  const out: Record<string, string> = {};
  const first = form.inputs[0]?.id;
  for (const [id, message] of Object.entries(form.errors ?? {})) {
    const key = form.inputs.some((i) => i.id === id) ? id : first;
    if (key) out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}

function actionBlocks(actions: readonly Action[], counter: { n: number }): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_ACTIONS) {
    blocks.push({
      type: 'actions',
      elements: actions.slice(i, i + BUTTONS_PER_ACTIONS).map((a) => button(a, counter)),
    });
  }
  return blocks;
}

function button(action: Action, counter: { n: number }): Button {
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
    value: encodePostback(action.value, action.label),
    ...style,
  };
}

/** Mrkdwn sections, split where Slack's 3000-character limit needs it (at a line break when possible). */
function sections(mrkdwn: string): Block[] {
  const out: Block[] = [];
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

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, SECTION_TEXT_MAX) }] };
}

function divider(): Block {
  return { type: 'divider' };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text.trim() || ' ', max), emoji: true };
}
