import { tokenizeWords } from './tokenize-words.js';

/** What kind of answer a question asks for, read from its question words. */
export interface AnswerShape {
  /** "what does X mean", "what is X", "stand for": definitions live in reference tables. */
  definition: boolean;
  /** "how do I", "how to", "how can I", "steps to": procedures are numbered steps. */
  procedure: boolean;
}

const DEFINITION_WORDS = new Set(['mean', 'means', 'meaning', 'definition', 'define', 'stand', 'stands']);
const BE_WORDS = new Set(['is', 'are', 'whats']);
const PROCEDURE_OPENERS = new Set(['do', 'to', 'can', 'should', 'would', 'could']);

/** Reads the answer shape of a (cleaned) question. */
export function answerShape(text: string): AnswerShape {
  const words = tokenizeWords(text);
  let definition = words.some((w) => DEFINITION_WORDS.has(w));
  let procedure = words.includes('steps');
  words.forEach((word, i) => {
    const next = words[i + 1] ?? '';
    if (word === 'how' && PROCEDURE_OPENERS.has(next)) procedure = true;
    if (word === 'whats' || (word === 'what' && BE_WORDS.has(next))) definition ||= words.length - i <= 4;
  });
  return { definition, procedure };
}

/** Shapes of a section's answer: a reference table (rows joined with " · ") and numbered steps. */
export function sectionShape(text: string): { table: boolean; steps: boolean } {
  let rows = 0;
  let steps = 0;
  for (const line of text.split('\n')) {
    if (line.includes(' · ')) rows++;
    if (/^\s*\d+\.\s/.test(line)) steps++;
  }
  return { table: rows >= 2, steps: steps >= 2 };
}
