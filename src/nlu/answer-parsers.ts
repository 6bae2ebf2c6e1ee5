import { stripChatMarkup } from '../text/strip-chat-markup.js';
import {
  CANCEL_PHRASES,
  CHOICE_FILLERS,
  FILLERS,
  FUNCTION_WORDS,
  NEGATIONS,
  NO_PHRASES,
  NONE_PHRASES,
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

/** First words that do not decide an answer on their own: "right after…", "please help me with…". */
const NOT_DECIDING_FIRST = new Set(['right', 'fine', 'it', 'please']);

function matchesPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  // "please do" is a phrase with its filler; "yes thanks" is "yes" without it.
  if (phrases.includes(words.join(' '))) return true;
  if (phrases.includes(withoutFillers(words))) return true;
  // "yes, and the campaign id is 123": the first word decides when it is an unmistakable yes/no word.
  return phrases.some(
    (p) => !p.includes(' ') && p.length > 1 && words[0] === p && !NOT_DECIDING_FIRST.has(p),
  );
}

function withoutFillers(words: readonly string[]): string {
  return words.filter((w) => !FILLERS.has(w)).join(' ');
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
 * True when the answer means "nobody" or "nothing" ("none", "no one", "n/a", "skip") or is a plain
 * no ("nope", "nah", "no thanks"), as to "Anyone to copy?" or "Which campaign?".
 */
export function isNoneAnswer(text: string): boolean {
  const words = plainWords(text);
  if (words.length === 0 || words.length > MAX_NONE_WORDS) return false;
  return NONE_PHRASES.includes(withoutFillers(words)) || parseYesNo(text) === 'no';
}

/** "no one, thanks": longer, a message is about something ("nobody knows why the pixel broke"). */
const MAX_NONE_WORDS = 4;

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
  return choiceByLabelWords(words, options);
}

/**
 * The option whose label (or value) shares the most naming words with the answer, if it is unique.
 * Function words never count ("the", "what's"), the answer's shared words must be at least as many
 * as its other naming words ("what's the status of ticket 1000" is not "No, file the ticket"), and
 * a negative answer ("that didn't solve it") only picks a negative option ("No, file the ticket").
 */
function choiceByLabelWords(
  words: readonly string[],
  options: ReadonlyArray<{ value: string; label: string }>,
): string | null {
  // A leading "no" answers the question before the choice ("no, file it"); "not", "didn't" negate the choice.
  const negative = isNegative(words.slice(['no', 'nope', 'nah'].includes(words[0] ?? '') ? 1 : 0));
  const naming = [
    ...new Set(
      words.filter(
        (w) =>
          w.length > 2 &&
          !FILLERS.has(w) &&
          !CHOICE_FILLERS.has(w) &&
          !FUNCTION_WORDS.has(w) &&
          !NEGATIONS.has(w),
      ),
    ),
  ];
  if (naming.length === 0) return null;
  const scored = options
    .map((o) => {
      const labelWords = [...plainWords(o.label), ...plainWords(o.value.replace(/[_-]/g, ' '))];
      const hits = naming.filter((w) => labelWords.some((l) => sameWord(w, l))).length;
      return { o, hits, negative: isNegative(plainWords(o.label)) };
    })
    .filter((s) => s.hits > 0 && 2 * s.hits >= naming.length && (!negative || s.negative))
    .sort((a, b) => b.hits - a.hits);
  const best = scored.filter((s) => s.hits === scored[0]?.hits);
  if (best.length === 1) return best[0]!.o.value;
  // "that solved it": "Yes, that solved it" rather than "No, file the ticket" (value "not-solved").
  const samePolarity = best.filter((s) => s.negative === negative);
  return samePolarity.length === 1 ? samePolarity[0]!.o.value : null;
}

/** A label word, or one the answer word starts like ("payments" for "payment", "solve" for "solved"). */
function sameWord(answer: string, label: string): boolean {
  if (FUNCTION_WORDS.has(label)) return false;
  return (
    answer === label || (label.length > 3 && answer.startsWith(label.slice(0, Math.max(4, label.length - 2))))
  );
}

function isNegative(words: readonly string[]): boolean {
  return words.some((w) => NEGATIONS.has(w) || w.endsWith("n't"));
}

/** True when the whole message asks to stop the current flow ("cancel", "never mind", "nvm", "forget it"). */
export function isCancel(text: string): boolean {
  const words = plainWords(text).filter((w) => !FILLERS.has(w));
  if (words.length === 0 || words.length > 5) return false;
  return CANCEL_PHRASES.has(words.join(' '));
}
