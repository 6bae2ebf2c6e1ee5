import type { TicketStatus } from '../../domain/ticket-statuses.js';
import { DETERMINER, NUMBER_LIST, numbersInList } from './ticket-number-list.js';

/** A status an agent set by typing it ("1042 in progress"); `solution`: the words after the colon. */
export interface TypedStatusCommand {
  readonly status: TicketStatus;
  readonly solution: string | null;
  /**
   * The words the agent typed after a clause break ("1042 in progress, the customer sent logs"), a
   * colon in them included; never the solution. The update handler keeps them as an internal note.
   */
  readonly remark: string | null;
  /** The tickets typed ("1042 and 1043 in progress"), each once; none for "it", "this ticket" or none named. */
  readonly tickets: readonly number[];
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
/** "it", "this ticket", "that one": the ticket last talked about. */
const PRONOUN_REF = String.raw`(?:it|this(?:\s+(?:ticket|case|one))?|that(?:\s+(?:ticket|case|one))?)`;
const SET_VERB = String.raw`(?:(?:please|pls|plz|kindly)\s+)?(?:set|mark|change|move|put|switch)\s+(?:the\s+status\s+(?:of|on|for)\s+)?`;
const LINK = String.raw`(?:\s+now)?(?:\s+(?:to|as))?(?:\s+now)?\s+`;
/**
 * The end of the command: the end of the message, or a clause break before a remark ("1042 and
 * 1043 in progress, the customer sent logs"), captured last; the remark is no part of the command
 * (it is kept as an internal note).
 */
const COMMAND_END = String.raw`(?:$|(?:\s*[,;.!]|\s+[-–—])\s+(.*))`;

/**
 * "set 1042 to in progress", "mark it as solution offered", and, without the verb, "1042 in progress",
 * "#1042 to waiting on customer"; a list of tickets in place of one ("1042 and 1043 in progress").
 * Group 1 or 2: the tickets; group 3: the status; group 4: a remark after it.
 */
const REF_THEN_STATUS = new RegExp(
  String.raw`^(?:${SET_VERB}(?:${DETERMINER}(${NUMBER_LIST})|${PRONOUN_REF})|(?:(?:please|pls)\s+)?${DETERMINER}(${NUMBER_LIST}))${LINK}(${ANY_STATUS})${COMMAND_END}`,
  'i',
);
/**
 * "solution offered 1042", "solution offered for tickets 1042 and 1043", "solution offered" (the
 * last ticket talked about). Group 1: the tickets; group 2: a remark after them.
 */
const SOLUTION_OFFERED_FIRST = new RegExp(
  String.raw`^(?:(?:please|pls)\s+)?(?:${STATUS_NAMES[0]![1]})(?:\s+(?:(?:for|on)\s+)?${DETERMINER}(${NUMBER_LIST}))?${COMMAND_END}`,
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
 * waiting on customer", "solution offered 1042", for one ticket or a list ("1042 and 1043 closed").
 * Solution Offered may carry the solution after a colon ("solution offered 1042: clear the cache");
 * no other status takes text right after it. A remark after a clause break ("1042 and 1043 in
 * progress, the customer wrote: logs attached", "1042 solution offered, clear the cache") is the
 * `remark`, colon and all: never sent, nor taken for the solution (which is asked for). Questions
 * ("why is 1042 on solution offered: …") and longer sentences naming a status ("1042 is not in
 * progress yet") are no command.
 */
export function typedStatusCommand(text: string): TypedStatusCommand | null {
  if (asksAQuestion(text)) return null;
  const colon = text.indexOf(':');
  const command = head(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(POLITE_REQUEST, '')
    .replace(/[.!?]+$/, '')
    .replace(POLITE_END, '')
    .trim();
  const named = command.match(REF_THEN_STATUS);
  const offered = named ? null : command.match(SOLUTION_OFFERED_FIRST);
  const status = named?.[3] ? statusNamed(named[3]) : offered ? 'solution_offered' : null;
  if (!status) return null;
  const tickets = numbersInList((named ? (named[1] ?? named[2]) : offered?.[1]) ?? '');
  const remarkHead = (named ? named[4] : offered?.[2])?.trim();
  // The command ends before the colon: a colon after the clause break is the remark's.
  const remark = remarkHead ? (colon < 0 ? remarkHead : `${remarkHead}${text.slice(colon)}`.trim()) : null;
  if (remark) return { status, solution: null, tickets, remark };
  if (status === 'solution_offered') {
    return { status, solution: colon < 0 ? null : text.slice(colon + 1).trim() || null, tickets, remark };
  }
  return colon < 0 ? { status, solution: null, tickets, remark } : null;
}
