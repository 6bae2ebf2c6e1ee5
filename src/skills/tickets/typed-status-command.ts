import type { TicketStatus } from '../../domain/ticket-statuses.js';

/** A status an agent set by typing it ("1042 in progress"); `solution`: the words after the colon. */
export interface TypedStatusCommand {
  readonly status: TicketStatus;
  readonly solution: string | null;
}

/**
 * Status names as agents type them, each matched as the whole rest of a command (never a
 * status merely mentioned: "1042 is not in progress yet" names no command).
 */
const STATUS_NAMES: ReadonlyArray<[TicketStatus, string]> = [
  ['solution_offered', String.raw`solutions?\s+(?:offered|proposed|suggested)`],
  ['in_progress', String.raw`in[\s-]?progress|wip`],
  [
    'awaiting_response',
    String.raw`(?:awaiting|waiting\s+(?:on|for))\s+(?:(?:the|a|your|their)\s+)?(?:customer|requester|client|response|reply|answer|input)(?:\s+(?:response|reply|answer|input))?`,
  ],
  ['open', 'open|re-?opened'],
  ['closed', 'closed|resolved|solved'],
];

const ANY_STATUS = STATUS_NAMES.map(([, name]) => `(?:${name})`).join('|');
const NUMBER_REF = String.raw`(?:(?:ticket|case)\s*)?#?\d{2,9}`;
const ANY_REF = String.raw`(?:${NUMBER_REF}|it|this(?:\s+(?:ticket|case|one))?|that(?:\s+(?:ticket|case|one))?)`;
const SET_VERB = String.raw`(?:(?:please|pls|plz|kindly)\s+)?(?:set|mark|change|move|put|switch)\s+(?:the\s+status\s+(?:of|on|for)\s+)?`;
const LINK = String.raw`(?:\s+now)?(?:\s+(?:to|as))?(?:\s+now)?\s+`;

/** "set 1042 to in progress", "mark it as solution offered", and, without the verb, "1042 in progress", "#1042 to waiting on customer". */
const REF_THEN_STATUS = new RegExp(
  String.raw`^(?:${SET_VERB}${ANY_REF}|(?:(?:please|pls)\s+)?${NUMBER_REF})${LINK}(${ANY_STATUS})$`,
  'i',
);
/** "solution offered 1042", "solution offered for ticket #1042", "solution offered" (the last ticket talked about). */
const SOLUTION_OFFERED_FIRST = new RegExp(
  String.raw`^(?:(?:please|pls)\s+)?(?:${STATUS_NAMES[0]![1]})(?:\s+(?:(?:for|on)\s+)?${NUMBER_REF})?$`,
  'i',
);

const QUESTION_START =
  /^(?:why|what|what's|whats|how|when|where|who|whose|which|is|isn't|are|aren't|was|wasn't|were|can|can't|could|couldn't|does|doesn't|do|don't|did|didn't|has|hasn't|have|haven't|will|won't|would|should|shall|may|might)\b/i;

/** The verbs of a request to change a ticket ("set", "mark", "close", "reopen"). */
const REQUEST_VERB = String.raw`(?:set|mark|change|move|put|switch|close|re-?open)\b`;
/**
 * "can you set …", "could you please mark …", "please would you close …": a polite imperative,
 * a request to do it, never a question about it (unlike "should I set …", "is 1042 …?").
 */
const POLITE_REQUEST = new RegExp(
  String.raw`^(?:(?:please|pls|plz|kindly)\s+)?(?:can|could|would|will)\s+(?:you|u|ya)\s+(?:(?:please|pls|plz|kindly|just)\s+)*(?=${REQUEST_VERB})`,
  'i',
);
/** "pls reopen 1042?", "please close 1042?": a command even when it ends with "?". */
const PLEASE_COMMAND = new RegExp(String.raw`^(?:please|pls|plz|kindly)\s+(?=${REQUEST_VERB})`, 'i');
/** "… please", "… thanks" after a polite request. */
const POLITE_END = /(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|ty))+$/i;

/** What comes before the first colon: the command (or the question) part of a message. */
function head(text: string): string {
  const colon = text.indexOf(':');
  return (colon < 0 ? text : text.slice(0, colon)).trim();
}

/** "can you set …", "could you please close …": a polite request (a command when it names one). */
export function asksPolitely(text: string): boolean {
  return POLITE_REQUEST.test(head(text));
}

/**
 * "why is 1042 on solution offered: …", "is 1042 solution offered? …", "should I reopen 1042?":
 * the message (before any colon) starts with a question word or ends with "?". A question is
 * never a command; a polite request ("can you set 1042 to in progress?") is no question.
 */
export function asksAQuestion(text: string): boolean {
  const part = head(text);
  if (asksPolitely(text) || PLEASE_COMMAND.test(part)) return false;
  return QUESTION_START.test(part) || part.endsWith('?');
}

function statusNamed(name: string): TicketStatus | null {
  for (const [status, pattern] of STATUS_NAMES) {
    if (new RegExp(`^(?:${pattern})$`, 'i').test(name)) return status;
  }
  return null;
}

/**
 * A status set by a command that is the whole message: "set 1042 to in progress", "1042 to
 * waiting on customer", "solution offered 1042". Solution Offered may carry the solution after
 * a colon ("solution offered 1042: clear the cache"); no other status takes text. Questions
 * ("why is 1042 on solution offered: …") and longer sentences naming a status are no command.
 */
export function typedStatusCommand(text: string): TypedStatusCommand | null {
  if (asksAQuestion(text)) return null;
  const colon = text.indexOf(':');
  const solution = colon < 0 ? null : text.slice(colon + 1).trim() || null;
  const command = head(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(POLITE_REQUEST, '')
    .replace(/[.!?]+$/, '')
    .replace(POLITE_END, '')
    .trim();
  const named = command.match(REF_THEN_STATUS)?.[1];
  const status = named
    ? statusNamed(named)
    : SOLUTION_OFFERED_FIRST.test(command)
      ? 'solution_offered'
      : null;
  if (!status) return null;
  if (status === 'solution_offered') return { status, solution };
  return colon < 0 ? { status, solution: null } : null;
}
