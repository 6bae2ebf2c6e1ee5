import { inlineMarkdownToText } from './markdown-to-text.js';

/** A stretch of an article body under one heading (or before the first one). */
export interface RawSection {
  /** 0 for the intro, else the heading level (1–3). */
  level: number;
  heading: string;
  /** For h3 sections: the heading of the h2 above. */
  parentHeading: string | undefined;
  lines: string[];
}

const HEADING = /^ {0,3}(#{1,3})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Cuts an article body at its h1–h3 headings (h4+ stay inside their section);
 * headings inside fenced code blocks are ignored. The first entry is the intro.
 */
export function splitSections(body: string): RawSection[] {
  const sections: RawSection[] = [{ level: 0, heading: '', parentHeading: undefined, lines: [] }];
  let fence: string | undefined;
  let h2: string | undefined;
  for (const line of body.split('\n')) {
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence;
    const heading = fence === undefined && !fenceMatch ? HEADING.exec(line) : null;
    if (!heading) {
      sections[sections.length - 1]!.lines.push(line);
      continue;
    }
    const level = heading[1]!.length;
    const text = inlineMarkdownToText(heading[2]!).trim();
    if (level < 3) h2 = text;
    sections.push({ level, heading: text, parentHeading: level === 3 ? h2 : undefined, lines: [] });
  }
  return sections;
}
