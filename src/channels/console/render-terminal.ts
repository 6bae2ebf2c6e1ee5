import type { Action, FormInput, Reply } from '../../core/reply.js';
import { hideEscapedCharacters, showEscapedCharacters } from '../../text/markdown-escapes.js';

/** How the output may look: `bold` only where it is a terminal that takes colours (see terminal-style.ts). */
export interface TerminalStyle {
  readonly bold: boolean;
}

const PLAIN: TerminalStyle = { bold: false };

/**
 * A reply as terminal text. Buttons are numbered (pushed onto `actions`) so the user can type the
 * number to press one; a link is no button here: it is printed with its address, unnumbered.
 */
export function renderTerminal(reply: Reply, actions: Action[], style: TerminalStyle = PLAIN): string {
  // A backslash-escaped character (text a user typed) is shown as typed and opens no link or bold.
  const rich = (text: string) =>
    showEscapedCharacters(
      hideEscapedCharacters(text)
        .replace(/\[([^\]]+)\]\((\S+?)\)/g, '$1 <$2>')
        .replace(/\*\*(.+?)\*\*/g, style.bold ? '\u001b[1m$1\u001b[22m' : '$1'),
    );
  const buttons = (list: readonly Action[]) =>
    list
      .map((a) => {
        if (a.url) return `  ↗ ${a.label} <${a.url}>`;
        actions.push(a);
        return `  [${actions.length}] ${a.label}`;
      })
      .join('\n');
  switch (reply.type) {
    case 'text':
      return rich(reply.text);
    case 'notice':
      return `${reply.level === 'error' ? '✖' : reply.level === 'warning' ? '!' : reply.level === 'success' ? '✔' : 'i'} ${rich(reply.text)}`;
    case 'choices':
      return `${rich(reply.prompt)}\n${buttons(reply.choices)}`;
    case 'card': {
      const lines = [`┌ ${rich(reply.title)}${reply.url ? ` <${reply.url}>` : ''}`];
      if (reply.subtitle) lines.push(`│ ${rich(reply.subtitle)}`);
      if (reply.body) lines.push(...reply.body.split('\n').map((l) => `│ ${rich(l)}`));
      for (const f of reply.fields) lines.push(`│ ${f.label}: ${rich(f.value)}`);
      if (reply.actions.length) lines.push(buttons(reply.actions));
      return lines.join('\n');
    }
    case 'list':
      return [
        rich(`**${reply.title}**`),
        ...reply.items.map((i) => renderTerminal(i, actions, style)),
        reply.actions.length ? buttons(reply.actions) : '',
      ]
        .filter(Boolean)
        .join('\n');
    case 'form': {
      const lines = [`┌ ${reply.title}`];
      for (const input of reply.inputs) {
        const error = reply.errors?.[input.id];
        const shown = shownValue(input);
        lines.push(`│ ${input.label}${shown ? `: ${shown}` : ''}${error ? `  ✖ ${error}` : ''}`);
      }
      lines.push(buttons([reply.submit, ...(reply.cancel ? [reply.cancel] : [])]));
      return lines.join('\n');
    }
  }
}

/** An input's value as the user reads it: a list's chosen option by its label, not its code. */
export function shownValue(input: FormInput, value = input.value): string {
  if (!value) return '';
  return input.options?.find((o) => o.value === value)?.label ?? value;
}
