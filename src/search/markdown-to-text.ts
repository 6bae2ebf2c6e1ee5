import { removeHtmlComments } from './html-comments.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Removes inline Markdown (links, emphasis, code, HTML tags) from one line of text. */
export function inlineMarkdownToText(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Turns the Markdown of one section into plain text, one output line per
 * block line: table rows become "cell · cell", list markers and numbers stay,
 * quote markers, code fences and HTML comments (also over several lines) go;
 * inside code blocks a comment is code and stays.
 */
export function markdownToText(lines: readonly string[]): string {
  const out: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const raw of lines) {
    let source = raw;
    if (fence === undefined) {
      const stripped = removeHtmlComments(raw, inComment);
      inComment = stripped.inComment;
      source = stripped.text;
      // A line that held only a comment leaves no blank line behind.
      if (source.trim() === '' && raw.trim() !== '') continue;
    }
    const fenceMatch = /^\s*(```|~~~)/.exec(source);
    if (fenceMatch) {
      fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence;
      continue;
    }
    if (TABLE_SEPARATOR.test(source)) continue;
    let line = source.replace(/^\s{0,3}>\s?/, '').replace(/^#{4,6}\s+/, '');
    if (/^\s*\|.*\|\s*$/.test(line)) {
      line = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .filter(Boolean)
        .join(' · ');
    }
    out.push(inlineMarkdownToText(line).trimEnd());
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
