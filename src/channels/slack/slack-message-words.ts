/**
 * Everything a Slack message says, as Slack mrkdwn: its text, then the lines of its blocks and
 * attachments that it does not already carry. An integration's message (an alert, a form
 * posted by an app) often has an empty `text` and its words only in attachments or blocks.
 */
export function messageWords(message: {
  readonly text?: string;
  readonly blocks?: unknown;
  readonly attachments?: unknown;
}): string {
  const parts: string[] = [];
  // Line by line: an attachment's title is new though its text repeats the message's.
  const add = (part: string | undefined) => {
    for (const line of (part ?? '').split('\n')) {
      const words = line.trim();
      const flat = squash(words);
      if (words && !parts.some((p) => squash(p).includes(flat))) parts.push(words);
    }
  };
  add(message.text);
  add(blocksText(message.blocks));
  for (const attachment of asArray(message.attachments)) add(attachmentText(attachment));
  return parts.join('\n');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

type Json = Record<string, unknown>;

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** A text object ({ type: 'mrkdwn' | 'plain_text', text }). */
const textOf = (value: unknown) => str((value as Json | undefined)?.text);

function attachmentText(a: Json): string {
  const fields = asArray(a.fields).map((f) => [str(f.title), str(f.value)].filter(Boolean).join(': '));
  const own = [str(a.pretext), str(a.title), str(a.text), ...fields, blocksText(a.blocks)].filter(Boolean);
  return (own.length > 0 ? own : [str(a.fallback)]).join('\n');
}

function blocksText(blocks: unknown): string {
  return asArray(blocks).map(blockText).filter(Boolean).join('\n');
}

function blockText(block: Json): string {
  switch (block.type) {
    case 'section':
      return [textOf(block.text), ...asArray(block.fields).map(textOf)].filter(Boolean).join('\n');
    case 'header':
      return textOf(block.text);
    case 'context':
      return asArray(block.elements).map(textOf).filter(Boolean).join(' ');
    case 'rich_text':
      return asArray(block.elements).map(richElementText).join('\n');
    default:
      return '';
  }
}

/** A rich_text section, list, quote or preformatted block, and their inline elements. */
function richElementText(element: Json): string {
  switch (element.type) {
    case 'rich_text_section':
    case 'rich_text_preformatted':
    case 'rich_text_quote':
      return asArray(element.elements).map(inlineText).join('');
    case 'rich_text_list':
      return asArray(element.elements).map(richElementText).join('\n');
    default:
      return inlineText(element);
  }
}

function inlineText(element: Json): string {
  switch (element.type) {
    case 'text':
      return str(element.text);
    case 'link':
      return str(element.text) ? `<${str(element.url)}|${str(element.text)}>` : `<${str(element.url)}>`;
    case 'user':
      return `<@${str(element.user_id)}>`;
    case 'channel':
      return `<#${str(element.channel_id)}>`;
    case 'usergroup':
      return `<!subteam^${str(element.usergroup_id)}>`;
    case 'broadcast':
      return `<!${str(element.range)}>`;
    case 'emoji':
      return `:${str(element.name)}:`;
    default:
      return '';
  }
}
