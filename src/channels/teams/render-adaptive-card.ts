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
import {
  type AdaptiveAction,
  type AdaptiveCard,
  type AdaptiveElement,
  adaptiveCard,
} from './adaptive-card-types.js';
import { escapeCardMarkdown, factText } from './card-plain-text.js';
import type { ButtonsOwner } from './teams-button-owner.js';

/**
 * How buttons post back: `submit` (Action.Submit → a message activity with `value`)
 * for ordinary replies; `execute` (Action.Execute → an `adaptiveCard/action` invoke)
 * for cards that are answered by replacing the card in place.
 */
export type ActionMode = 'submit' | 'execute';

export interface RenderOptions {
  readonly actionMode?: ActionMode;
  /**
   * The person the buttons are for, written into every postback's data (see
   * teams-button-owner.ts); absent: anyone's (personal chats, the agents' desk).
   */
  readonly shownTo?: ButtonsOwner;
}

/** How a card's buttons post back, and whom they are for. */
export interface ButtonContext {
  readonly mode: ActionMode;
  readonly shownTo?: ButtonsOwner;
}

/** The Action.Execute verb of every button the bot renders for users. */
export const SUBMIT_VERB = 'submit';

/**
 * The key under which a button's neutral `value` travels in the card's data.
 * Teams merges form inputs into the same object by input id, so the two are kept
 * apart: `{ value: {...action.value}, <inputId>: <input value>, ... }`.
 */
export const ACTION_VALUE_KEY = 'value';

/**
 * The key under which a button's data carries the person the card was shown to
 * (`{ id, name }`), beside `value`; like `value`, no form input may have this id.
 */
export const SHOWN_TO_KEY = 'shownTo';

/** Teams shows at most six buttons in a row; the rest go to its overflow menu. */
const MAX_PRIMARY_ACTIONS = 6;

/** One neutral reply as an Adaptive Card 1.5. Pure: the same reply always gives the same card. */
export function renderAdaptiveCard(reply: Reply, options: RenderOptions = {}): AdaptiveCard {
  const { body, actions } = replyParts(reply, buttonContext(options, 'submit'));
  // Forms and lists need the room; short answers read better at the usual width.
  return adaptiveCard(body, actions, { fullWidth: reply.type === 'form' || reply.type === 'list' });
}

/**
 * Several replies as one card (the answer to an Action.Execute click replaces the
 * clicked card): each reply's buttons stay next to it as an action set.
 */
export function renderCombinedCard(replies: readonly Reply[], options: RenderOptions = {}): AdaptiveCard {
  const context = buttonContext(options, 'execute');
  const body: AdaptiveElement[] = [];
  replies.forEach((reply, i) => {
    const parts = replyParts(reply, context);
    const elements =
      i > 0 && parts.body[0] ? [withSeparator(parts.body[0]), ...parts.body.slice(1)] : parts.body;
    body.push(...elements);
    if (parts.actions.length > 0) body.push({ type: 'ActionSet', actions: parts.actions });
  });
  return adaptiveCard(body, [], { fullWidth: replies.some((r) => r.type === 'form' || r.type === 'list') });
}

function buttonContext(options: RenderOptions, mode: ActionMode): ButtonContext {
  return { mode: options.actionMode ?? mode, ...(options.shownTo ? { shownTo: options.shownTo } : {}) };
}

interface CardParts {
  readonly body: AdaptiveElement[];
  readonly actions: AdaptiveAction[];
}

function replyParts(reply: Reply, context: ButtonContext): CardParts {
  switch (reply.type) {
    case 'text':
      return { body: textBlocks(reply.text), actions: [] };
    case 'notice':
      return { body: [noticeContainer(reply)], actions: [] };
    case 'card':
      return { body: cardBody(reply), actions: buttons(reply.actions, context) };
    case 'choices':
      return choicesParts(reply, context);
    case 'form':
      return formParts(reply, context);
    case 'list':
      return listParts(reply, context);
  }
}

// ------------------------------------------------------------------- text

/**
 * The bot's markdown (**bold**, _italic_, [label](url)) is the subset TextBlock
 * supports; line breaks are not reliable inside one TextBlock across Teams
 * clients, so each line is its own block and blank lines separate paragraphs.
 */
export function textBlocks(text: string, style: Record<string, unknown> = {}): AdaptiveElement[] {
  const blocks: AdaptiveElement[] = [];
  const paragraphs = text.split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').filter((l) => l.trim() !== '');
    lines.forEach((line, i) => {
      const spacing = blocks.length === 0 ? {} : i === 0 ? { spacing: 'Medium' } : { spacing: 'None' };
      blocks.push({ type: 'TextBlock', text: line, wrap: true, ...spacing, ...style });
    });
  }
  return blocks;
}

/** A title is plain text (a ticket's subject, as typed), like Slack's: its markdown is escaped. */
function titleBlock(title: string, url?: string): AdaptiveElement {
  const text = escapeCardMarkdown(title);
  return {
    type: 'TextBlock',
    text: url ? `[${text}](${url})` : text,
    wrap: true,
    size: 'Medium',
    weight: 'Bolder',
  };
}

function withSeparator(element: AdaptiveElement): AdaptiveElement {
  return { ...element, separator: true, spacing: 'Medium' };
}

// ----------------------------------------------------------------- notice

const noticeStyles = {
  info: { container: 'accent', color: 'Default' },
  success: { container: 'good', color: 'Good' },
  warning: { container: 'warning', color: 'Warning' },
  error: { container: 'attention', color: 'Attention' },
} as const;

function noticeContainer(reply: NoticeReply): AdaptiveElement {
  const style = noticeStyles[reply.level];
  return {
    type: 'Container',
    style: style.container,
    items: textBlocks(reply.text, { color: style.color }),
  };
}

// ------------------------------------------------------------------- card

function cardBody(card: CardReply): AdaptiveElement[] {
  const body: AdaptiveElement[] = [titleBlock(card.title, card.url)];
  if (card.subtitle) {
    body.push({ type: 'TextBlock', text: card.subtitle, wrap: true, isSubtle: true, spacing: 'None' });
  }
  if (card.body) body.push(...textBlocks(card.body));
  if (card.fields.length > 0) {
    body.push({
      type: 'FactSet',
      facts: card.fields.map((f) => ({ title: f.label, value: factText(f.value) })),
    });
  }
  return body;
}

// --------------------------------------------------------------- buttons

function buttons(actions: readonly Action[], context: ButtonContext): AdaptiveAction[] {
  return actions.map((a, i) => {
    const rendered = renderAction(a, context);
    return i >= MAX_PRIMARY_ACTIONS - 1 && actions.length > MAX_PRIMARY_ACTIONS
      ? { ...rendered, mode: 'secondary' }
      : rendered;
  });
}

/**
 * One neutral action as an Adaptive Card action (a link, or a postback carrying its value,
 * and whom it was shown to when `context` says so).
 */
export function renderAction(
  action: Action,
  context: ButtonContext,
  extra: Record<string, unknown> = {},
): AdaptiveAction {
  if (action.url) return { type: 'Action.OpenUrl', title: action.label, url: action.url };
  const { mode, shownTo } = context;
  const style =
    action.style === 'primary' ? 'positive' : action.style === 'danger' ? 'destructive' : undefined;
  const data = { [ACTION_VALUE_KEY]: action.value ?? {}, ...(shownTo ? { [SHOWN_TO_KEY]: shownTo } : {}) };
  const common = { title: action.label, data, ...(style ? { style } : {}), ...extra };
  return mode === 'execute'
    ? { type: 'Action.Execute', verb: SUBMIT_VERB, ...common }
    : { type: 'Action.Submit', ...common };
}

// ---------------------------------------------------------------- choices

function choicesParts(reply: ChoicesReply, context: ButtonContext): CardParts {
  return { body: textBlocks(reply.prompt), actions: buttons(reply.choices, context) };
}

// ------------------------------------------------------------------- form

function formParts(form: FormReply, context: ButtonContext): CardParts {
  const body: AdaptiveElement[] = [titleBlock(form.title)];
  const errors = form.errors ?? {};
  const inputIds = new Set(form.inputs.map((i) => i.id));
  // Errors not tied to an input (e.g. the whole form) go first, where they are seen.
  for (const [id, message] of Object.entries(errors)) {
    if (!inputIds.has(id)) body.push(errorBlock(message));
  }
  for (const input of form.inputs) {
    body.push(renderInput(input, errors[input.id]));
    const error = errors[input.id];
    if (error) body.push(errorBlock(error));
  }
  const actions = [renderAction(form.submit, context, {})];
  // Cancel must not be blocked by required inputs, nor carry half-filled values.
  if (form.cancel) actions.push(renderAction(form.cancel, context, { associatedInputs: 'none' }));
  return { body, actions };
}

function errorBlock(message: string): AdaptiveElement {
  return {
    type: 'TextBlock',
    text: message,
    wrap: true,
    color: 'Attention',
    size: 'Small',
    spacing: 'Small',
  };
}

function renderInput(input: FormInput, error: string | undefined): AdaptiveElement {
  const common = {
    id: input.id,
    label: input.label,
    isRequired: input.required,
    ...(error ? { errorMessage: error } : {}),
  };
  switch (input.kind) {
    case 'text':
    case 'email-list':
    case 'textarea':
      return {
        type: 'Input.Text',
        ...common,
        ...(input.kind === 'textarea' ? { isMultiline: true } : {}),
        ...(input.kind === 'email-list' ? { style: 'Email' } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.maxLength ? { maxLength: input.maxLength } : {}),
      };
    case 'number': {
      const n = input.value === undefined ? Number.NaN : Number(input.value);
      return {
        type: 'Input.Number',
        ...common,
        ...(Number.isFinite(n) ? { value: n } : {}),
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
      };
    }
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        choices: (input.options ?? []).map((o) => ({ title: o.label, value: o.value })),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
      };
    case 'toggle': {
      // A toggle shows its title next to the switch; a label above would repeat it.
      const { label: _label, ...withoutLabel } = common;
      return {
        type: 'Input.Toggle',
        ...withoutLabel,
        title: input.label,
        valueOn: 'true',
        valueOff: 'false',
        value: input.value === 'true' ? 'true' : 'false',
      };
    }
  }
}

// ------------------------------------------------------------------- list

function listParts(list: ListReply, context: ButtonContext): CardParts {
  const body: AdaptiveElement[] = [titleBlock(list.title)];
  for (const item of list.items) {
    const items = cardBody(item);
    if (item.actions.length > 0) items.push({ type: 'ActionSet', actions: buttons(item.actions, context) });
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
  }
  return { body, actions: buttons(list.actions, context) };
}
