import type { TicketStatus } from '../../domain/ticket-statuses.js';

/**
 * Status phrases. "open" needs care: "open a ticket" is a verb, "my open tickets" a status, so the verb
 * forms are excluded by what follows and what precedes.
 */
const STATUS_PATTERNS: ReadonlyArray<[TicketStatus, RegExp]> = [
  [
    'awaiting_response',
    /\b(?:awaiting (?:my|your|our) (?:response|reply|answer|input)|awaiting response|waiting (?:on|for) (?:me|us|my (?:reply|response|answer))|need(?:s|ing)? (?:a |my |our )?(?:reply|response|answer|input) from (?:me|us)|need(?:s|ing)? my (?:reply|response|answer|input))\b/i,
  ],
  [
    'solution_offered',
    /\b(?:solution[s]? (?:offered|proposed|suggested)|(?:offered|proposed) (?:a )?(?:solution|fix))\b/i,
  ],
  ['in_progress', /\b(?:in[ -]progress|being worked on|work in progress|wip|being handled)\b/i],
  ['closed', /\b(?:closed|resolved|solved)\b/i],
  [
    'open',
    /(?<!\b(?:to|please|pls|plz|can you|could you|can i|could i|i|we|how do i|how to|let me|help me|want to|wanna|need to|re|you)\s)\b(?:open|pending|unresolved|unanswered|still open)\b(?!\s+(?:a|an|one|new|up|the|this|that|it|me|for|ticket\b|case\b|request\b))/i,
  ],
];

/** Ticket statuses named in the text, in the support process's order. */
export function extractStatuses(text: string): TicketStatus[] {
  return STATUS_PATTERNS.filter(([, re]) => re.test(text)).map(([status]) => status);
}

/**
 * "not", "aren't", "never", "no longer" before a status, with "yet", "been", "still"… between
 * ("not yet resolved", "haven't been solved"). A "not" after a verb of doing ("did not open", "can't
 * open") is about the verb, not a status.
 */
const NEGATION = String.raw`(?:\b(?:is|are|was|were|has|have|had)n['’]t|(?<!\b(?:do|does|did|can|could|will|would|should|may|might|must)\s)\bnot|\bnever|\bno longer)(?:\s+(?:yet|been|still|already|marked|set|as|to))*\s+`;

const NEGATED_PATTERNS: ReadonlyArray<[TicketStatus, RegExp]> = STATUS_PATTERNS.map(([status, re]) => [
  status,
  new RegExp(`${NEGATION}(?:${re.source})`, 'gi'),
]);

/** Statuses named with "not" ("tickets that are not closed", "aren't closed", "still not solved"). */
export function extractNegatedStatuses(text: string): TicketStatus[] {
  return NEGATED_PATTERNS.filter(([, re]) => new RegExp(re).test(text)).map(([status]) => status);
}

/** The text without its negated statuses, so `extractStatuses` finds only the statuses wanted. */
export function withoutNegatedStatuses(text: string): string {
  return NEGATED_PATTERNS.reduce((rest, [, re]) => rest.replace(re, (m) => ' '.repeat(m.length)), text);
}
