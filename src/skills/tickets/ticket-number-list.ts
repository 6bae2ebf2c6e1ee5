/** Every list separator but a bare comma ("1000 and 1001", "1000, and 1001", "1000 & 1001", "1000 1001"). */
const JOINING_SEPARATOR = String.raw`(?:\s*(?:,\s*(?:and|or|&)\s+|&|\+|\band\b|\bor\b)\s*|\s+)`;
/** One ticket of a list: "1000", "#1000", "ticket 1000", "tickets #1000". */
export const LISTED_NUMBER = String.raw`(?:(?:ticket|case)s?\s*)?#?\d{2,9}\b`;
/**
 * After a bare comma, a number the message goes on to say something about is no list item ("close
 * 1001, 1000 is the original"); a verb after a joined list speaks of the whole list ("close 1000 and
 * 1001 are duplicates").
 */
const TOLD_ABOUT = String.raw`(?!\s+(?:is|was|has|had|seems|looks)\b)`;
/** A list of tickets ("1000", "1000 and 1001", "tickets #1000, #1001 & #1002"); no capture group. */
export const NUMBER_LIST = String.raw`(?:${LISTED_NUMBER}(?:\s*,\s*${LISTED_NUMBER}${TOLD_ABOUT}|${JOINING_SEPARATOR}${LISTED_NUMBER})*)`;
/** "the", "my", "these", "those", "both" before a list. */
export const DETERMINER = String.raw`(?:(?:the|my|these|those|both)\s+)?`;

/** The tickets of a list matched by `NUMBER_LIST`, each once, in order. */
export function numbersInList(list: string): number[] {
  return [...new Set((list.match(/\d{2,9}/g) ?? []).map(Number))];
}
