import { removeHtmlComments } from './html-comments.js';
import { inlineMarkdownToText } from './markdown-to-text.js';

/** A stretch of an article body under one heading (or before the first one). */
export interface RawSection {
  /** 0 for the intro, else the heading level (1–3). */
  level: number;
  heading: string;
  /** For h3 sections: the heading of the h2 above. */
  parentHeading: string | undefined;
  lines: string[];
  /** For each of `lines`, its 0-based line number in the body (for error messages). */
  lineNumbers: number[];
}

const HEADING = /^ {0,3}(#{1,3})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Cuts an article body at its h1–h3 headings (h4+ stay inside their section);
 * headings inside fenced code blocks or HTML comments are ignored. The first
 * entry is the intro.
 */
export function splitSections(body: string): RawSection[] {
  const sections: RawSection[] = [
    { level: 0, heading: '', parentHeading: undefined, lines: [], lineNumbers: [] },
  ];
  let fence: string | undefined;
  let inComment = false;
  let h2: string | undefined;
  body.split('\n').forEach((line, lineNumber) => {
    const commentOpenBefore = inComment;
    const fenceMatch = inComment ? null : /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence;
    const inCode = fence !== undefined || fenceMatch !== null;
    if (!inCode) inComment = removeHtmlComments(line, inComment).inComment;
    const heading = inCode || commentOpenBefore ? null : HEADING.exec(line);
    if (!heading) {
      const current = sections[sections.length - 1]!;
      current.lines.push(line);
      current.lineNumbers.push(lineNumber);
      return;
    }
    const level = heading[1]!.length;
    const text = inlineMarkdownToText(removeHtmlComments(heading[2]!, false).text).trim();
    if (level < 3) h2 = text;
    sections.push({
      level,
      heading: text,
      parentHeading: level === 3 ? h2 : undefined,
      lines: [],
      lineNumbers: [],
    });
  });
  return sections;
}
