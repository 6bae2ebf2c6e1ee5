import type { Action, Reply } from '../../core/reply.js';

/** A reply as terminal text; actions are numbered so the user can type the number to click. */
export function renderTerminal(reply: Reply, actions: Action[]): string {
  const rich = (text: string) =>
    text.replace(/\[([^\]]+)\]\((\S+?)\)/g, '$1 <$2>').replace(/\*\*(.+?)\*\*/g, '\u001b[1m$1\u001b[22m');
  const buttons = (list: readonly Action[]) =>
    list
      .map((a) => {
        actions.push(a);
        return `  [${actions.length}] ${a.label}${a.url ? ` <${a.url}>` : ''}`;
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
        ...reply.items.map((i) => renderTerminal(i, actions)),
        reply.actions.length ? buttons(reply.actions) : '',
      ]
        .filter(Boolean)
        .join('\n');
    case 'form': {
      const lines = [`┌ ${reply.title}`];
      for (const input of reply.inputs) {
        const error = reply.errors?.[input.id];
        lines.push(`│ ${input.label}${input.value ? `: ${input.value}` : ''}${error ? `  ✖ ${error}` : ''}`);
      }
      lines.push(buttons([reply.submit, ...(reply.cancel ? [reply.cancel] : [])]));
      return lines.join('\n');
    }
  }
}
