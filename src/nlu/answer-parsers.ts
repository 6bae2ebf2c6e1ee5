import { stripChatMarkup } from '../text/strip-chat-markup.js';
import {
  CANCEL_PHRASES,
  CHOICE_FILLERS,
  FILLERS,
  NO_PHRASES,
  ORDINALS,
  YES_PHRASES,
} from './answer-phrases.js';

/** Short answers are what these parsers judge; a long message is a new request, not "yes". */
const MAX_ANSWER_WORDS = 8;

function plainWords(text: string): string[] {
  if (typeof text !== 'string') return [];
  const raw = text.length > 500 ? text.slice(0, 500) : text;
  // Thumbs and ticks carry meaning in answers, so map them before markup stripping removes emoji.
  const mapped = raw
    .replace(/👍|:\+1:|:thumbsup:|✅|:white_check_mark:|✔️?|:heavy_check_mark:/gu, ' yes ')
    .replace(/👎|:-1:|:thumbsdown:|❌|:x:|✖️?/gu, ' no ');
  return stripChatMarkup(mapped)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

const UNSURE = /\b(no idea|not sure|maybe|dunno|don't know|dont know|unsure|perhaps|idk)\b/;

function matchesPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  const joined = words.filter((w) => !FILLERS.has(w) || words.length === 1).join(' ');
  if (phrases.includes(joined)) return true;
  // "yes, and the campaign id is 123": the first word decides when it is an unmistakable yes/no word.
  return phrases.some(
    (p) => !p.includes(' ') && p.length > 1 && words[0] === p && !['right', 'fine', 'it'].includes(p),
  );
}

/** Reads a yes/no answer ("yep", "sure thing", "nah", "👍"); null when it is neither or both. */
export function parseYesNo(text: string): 'yes' | 'no' | null {
  const words = plainWords(text);
  if (words.length === 0 || words.length > MAX_ANSWER_WORDS) return null;
  if (UNSURE.test(words.join(' '))) return null;
  if (words.includes('yes') && words.includes('no')) return null;
  const yes = matchesPhrase(words, YES_PHRASES);
  const no = matchesPhrase(words, NO_PHRASES);
  if (yes === no) return null;
  return yes ? 'yes' : 'no';
}

/**
 * Reads a choice among options: "2", "#2", "option 2", "the second one", "last", a label's words, or a
 * value. Returns the chosen option's value, or null when nothing or more than one option fits.
 */
export function parseChoice(
  text: string,
  options: ReadonlyArray<{ value: string; label: string }>,
): string | null {
  if (options.length === 0) return null;
  const words = plainWords(text);
  if (words.length === 0 || words.length > 12) return null;
  const joined = words.join(' ');
  const lowerValue = (o: { value: string }) => o.value.toLowerCase();
  const exact = options.filter((o) => lowerValue(o) === joined || plainWords(o.label).join(' ') === joined);
  if (exact.length === 1) return exact[0]!.value;
  const content = words.filter((w) => !CHOICE_FILLERS.has(w) && !FILLERS.has(w));
  let position: number | undefined;
  if (content.length === 1) {
    const w = content[0]!;
    const number = w.match(/^(\d{1,2})(?:st|nd|rd|th)?$/);
    position = number ? Number(number[1]) : w === 'last' ? options.length : ORDINALS[w];
  } else if (content.length === 0 && joined === 'one') position = 1;
  if (position !== undefined && position >= 1 && position <= options.length)
    return options[position - 1]!.value;
  // Label words: the option whose label shares the most words with the answer, if it is unique.
  const answerWords = new Set(words.filter((w) => w.length > 2 && !FILLERS.has(w)));
  if (answerWords.size === 0) return null;
  const scored = options
    .map((o) => {
      const labelWords = new Set([...plainWords(o.label), ...plainWords(o.value.replace(/[_-]/g, ' '))]);
      let hits = 0;
      for (const w of answerWords)
        if (
          labelWords.has(w) ||
          [...labelWords].some((l) => l.length > 3 && w.startsWith(l.slice(0, Math.max(4, l.length - 2))))
        )
          hits++;
      return { o, hits };
    })
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits);
  if (scored.length === 0) return null;
  if (scored.length > 1 && scored[0]!.hits === scored[1]!.hits) return null;
  return scored[0]!.o.value;
}

/** True when the whole message asks to stop the current flow ("cancel", "never mind", "nvm", "forget it"). */
export function isCancel(text: string): boolean {
  const words = plainWords(text).filter((w) => !FILLERS.has(w));
  if (words.length === 0 || words.length > 5) return false;
  return CANCEL_PHRASES.has(words.join(' '));
}
