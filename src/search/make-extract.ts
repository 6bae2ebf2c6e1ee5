import { stemWord } from './stem-word.js';
import { tokenizeWords } from './tokenize-words.js';

export interface Extract {
  /** A short piece of the section with matched words wrapped in `**`. */
  text: string;
  /** Distinct matched words (lower-case) in order of appearance in the section. */
  words: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

interface Span {
  start: number;
  end: number;
  stem: string | undefined;
}

/** The stems of a section word, remembered: the help center's vocabulary is small and every answer re-reads it. */
const stemsOfWord = new Map<string, readonly string[]>();
const MAX_REMEMBERED_WORDS = 50_000;

function stemsOf(word: string): readonly string[] {
  let stems = stemsOfWord.get(word);
  if (!stems) {
    stems = tokenizeWords(word).map(stemWord);
    if (stemsOfWord.size >= MAX_REMEMBERED_WORDS) stemsOfWord.clear();
    stemsOfWord.set(word, stems);
  }
  return stems;
}

function matchedSpans(text: string, stems: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    const stem = stemsOf(m[0]).find((s) => stems.has(s));
    spans.push({ start: m.index, end: m.index + m[0].length, stem });
  }
  return spans;
}

/**
 * Picks the sentence or line of the section that contains the most distinct
 * matched words (plus what follows it, up to `maxChars`) and bolds the matches.
 */
export function makeExtract(sectionText: string, matchedStems: ReadonlySet<string>, maxChars = 220): Extract {
  const text = sectionText.replace(/\s*\n\s*/g, ' \n ').trim();
  const spans = matchedSpans(text, matchedStems);
  const words: string[] = [];
  for (const span of spans) {
    const word = text.slice(span.start, span.end).toLowerCase();
    if (span.stem && !words.includes(word)) words.push(word);
  }

  // Candidate starts: the beginning of each sentence or line.
  const starts = [0];
  for (const m of text.matchAll(/(?:[.!?]\s+|\n\s*)(?=\S)/g)) starts.push(m.index + m[0].length);
  let bestStart = 0;
  let bestScore = -1;
  let next = 0; // spans are in text order: one pass over them for all sentences
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const to = starts[i + 1] ?? text.length;
    const distinct = new Set<string>();
    while (next < spans.length && spans[next]!.start < from) next++;
    for (let j = next; j < spans.length && spans[j]!.start < to; j++) {
      const s = spans[j]!;
      if (s.stem && s.end <= to) distinct.add(s.stem);
    }
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      bestStart = from;
    }
  }

  let end = Math.min(text.length, bestStart + maxChars);
  if (end < text.length) {
    const lastSpace = text.lastIndexOf(' ', end);
    if (lastSpace > bestStart + maxChars / 2) end = lastSpace;
  }
  let out = '';
  let cursor = bestStart;
  for (const span of spans) {
    if (span.start < bestStart || span.end > end || !span.stem) continue;
    out += `${text.slice(cursor, span.start)}**${text.slice(span.start, span.end)}**`;
    cursor = span.end;
  }
  out += text.slice(cursor, end);
  out = out
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    text: `${bestStart > 0 ? '… ' : ''}${out}${end < text.length ? ' …' : ''}`,
    words,
  };
}
