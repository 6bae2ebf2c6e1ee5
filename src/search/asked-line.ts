import { DocLoadError } from './doc-load-error.js';

/** A section's lines with its asked line taken out, and the phrasings that line listed. */
export interface SectionAsked {
  asked: string[];
  lines: string[];
}

/** Any comment that starts with "asked", well formed or not. */
const ASKED_START = /^\s*<!--\s*asked\b/i;
const ASKED_LINE = /^\s*<!--\s*asked\s*:(.*?)-->\s*$/i;

/** True for a line that is (or tries to be) an asked line. */
export function isAskedLine(line: string): boolean {
  return ASKED_START.test(line);
}

/**
 * Takes a section's asked line (`<!-- asked: a | b | c -->`, how users ask
 * for what the section answers) out of its lines. It must be the section's
 * first non-blank line: right under the heading, or for the intro the first
 * line of the body. `lineNumbers` are the file's 1-based line numbers of `lines`.
 * @throws {DocLoadError} for an asked line that lists nothing, has an empty
 *   phrasing, is not closed on its line or sits anywhere else in the section.
 */
export function takeAskedLine(
  file: string,
  lines: readonly string[],
  lineNumbers: readonly number[],
): SectionAsked {
  const first = lines.findIndex((line) => line.trim() !== '');
  let fence: string | undefined;
  let asked: string[] = [];
  const rest: string[] = [];
  lines.forEach((line, i) => {
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence;
    if (fence !== undefined || fenceMatch || !isAskedLine(line)) {
      rest.push(line);
      return;
    }
    const fileLine = lineNumbers[i] ?? 1;
    if (i !== first) {
      throw new DocLoadError(
        file,
        fileLine,
        'an asked line belongs right under its heading (or, for the intro, on the first line after the front matter)',
      );
    }
    asked = parseAskedLine(file, line, fileLine);
  });
  return { asked, lines: rest };
}

function parseAskedLine(file: string, line: string, fileLine: number): string[] {
  const match = ASKED_LINE.exec(line);
  if (!match) {
    throw new DocLoadError(
      file,
      fileLine,
      'an asked line is written <!-- asked: first | second | third --> on one line',
    );
  }
  const list = match[1]!.trim();
  if (list === '') throw new DocLoadError(file, fileLine, 'the asked line lists no phrasings');
  const phrasings = list.split('|').map((p) => p.trim().replace(/\s+/g, ' '));
  const empty = phrasings.indexOf('');
  if (empty >= 0) {
    throw new DocLoadError(
      file,
      fileLine,
      `phrasing ${empty + 1} of the asked line is empty (phrasings are separated by " | ")`,
    );
  }
  return phrasings;
}
