import type { FormInput, FormReply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import { shownValue } from './render-terminal.js';

/** What an answer to a field leads to: the next question (or the same one again), or the form to submit. */
export type FillStep =
  | { readonly done: false; readonly text: string }
  | { readonly done: true; readonly value: Readonly<Record<string, unknown>> };

export interface FormFill {
  /** The first field's question, after a line saying how filling in works. */
  readonly first: string;
  /** Takes a typed line as the current field's answer. */
  answer(line: string): FillStep;
}

/**
 * A form filled in the terminal: one field at a time, each shown with its current value (Enter keeps
 * it), then the form's submit with every value, as the web chat posts its form (`value.form`).
 */
export function fillForm(form: FormReply, t: Responses['t']): FormFill {
  const values: Record<string, string> = {};
  for (const input of form.inputs) values[input.id] = input.value ?? '';
  let index = 0;

  const question = (input: FormInput, problem?: string): string => {
    const value = values[input.id] ?? '';
    const shown = shownValue(input, value);
    const lines = [`${problem ? `${problem}\n` : ''}${input.label}${shown ? `: ${shown}` : ''}`];
    if (input.kind === 'select') {
      lines.push(...(input.options ?? []).map((o, i) => `  ${i + 1}) ${o.label}`));
      lines.push(t(value ? 'console.form.pick_keep' : 'console.form.pick'));
    } else if (input.kind === 'toggle') {
      lines.push(t(value ? 'console.form.toggle_keep' : 'console.form.toggle'));
    } else if (value) {
      lines.push(t(input.required ? 'console.form.keep' : 'console.form.keep_optional'));
    } else {
      lines.push(t(input.required ? 'console.form.type_it' : 'console.form.type_or_skip'));
    }
    return lines.join('\n');
  };

  /** The answer as the input's value, or the reason it is none. */
  const read = (input: FormInput, line: string): { value: string } | { problem: string } => {
    const text = line.trim();
    const current = values[input.id] ?? '';
    if (!text) return current || !input.required ? { value: current } : { problem: t('console.form.needed') };
    if (input.kind === 'select') {
      const options = input.options ?? [];
      const picked = /^\d+$/.test(text)
        ? options[Number(text) - 1]
        : options.find((o) => [o.label, o.value].some((v) => v.toLowerCase() === text.toLowerCase()));
      return picked
        ? { value: picked.value }
        : { problem: t('console.form.not_an_option', { max: options.length }) };
    }
    if (input.kind === 'toggle') {
      const word = text.toLowerCase();
      if (['y', 'true', t('console.form.yes').toLowerCase()].includes(word)) return { value: 'true' };
      if (['n', 'false', t('console.form.no').toLowerCase()].includes(word)) return { value: 'false' };
      return { problem: t('console.form.not_yes_or_no') };
    }
    if (text === '-' && !input.required) return { value: '' };
    return { value: text };
  };

  return {
    first: `${t('console.form.start')}\n${question(form.inputs[0]!)}`,
    answer(line) {
      const input = form.inputs[index]!;
      const result = read(input, line);
      if ('problem' in result) return { done: false, text: question(input, result.problem) };
      values[input.id] = result.value;
      index += 1;
      const next = form.inputs[index];
      if (next) return { done: false, text: question(next) };
      return { done: true, value: { ...form.submit.value, form: { ...values } } };
    },
  };
}
