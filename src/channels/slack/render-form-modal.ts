import type { types } from '@slack/bolt';
import type { FormInput, FormReply } from '../../core/reply.js';
import { plain, sections } from './block-kit-parts.js';
import type { BlockKitTexts } from './render-block-kit.js';
import { VIEW_FORM } from './slack-action-ids.js';
import { toMrkdwn } from './slack-mrkdwn.js';

type Block = types.KnownBlock;

// Slack's limits for modals and their inputs.
const MODAL_TITLE_MAX = 24;
const OPTION_TEXT_MAX = 75;
const OPTION_VALUE_MAX = 150;
const OPTIONS_MAX = 100;

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
