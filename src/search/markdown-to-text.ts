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
/** A section's plain text, and the same text cut into prose and code samples for the index. */
export interface SectionText {
  /** Everything, code samples included: what the user is shown. */
  text: string;
  /** The text without its code samples (fenced blocks; inline code names things and stays). */
  prose: string;
  /**
   * The fenced code samples alone, one per line. Their words are identifiers,
   * parameter values and markup (`currency: 'EUR'`), not what the section is about.
   */
  code: string;
}

/**
 * Turns the Markdown of one section into plain text, one output line per
 * block line: table rows become "cell · cell", list markers and numbers stay,
 * quote markers, code fences and HTML comments (also over several lines) go;
 * inside code blocks a comment is code and stays.
 */
export function markdownToText(lines: readonly string[]): SectionText {
  const text: string[] = [];
  const prose: string[] = [];
  const code: string[] = [];
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
    text.push(inlineMarkdownToText(line).trimEnd());
    if (fence !== undefined) {
      code.push(source.trim());
      continue;
    }
    // Inline code names things in the prose itself (a parameter in a reference table, a field a
    // step mentions): users ask about these names, so they stay searchable as prose.
    prose.push(inlineMarkdownToText(line).trimEnd());
  }
  const join = (out: string[]) =>
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  return { text: join(text), prose: join(prose), code: join(code.filter((l) => l !== '')) };
}
