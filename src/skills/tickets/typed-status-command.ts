import type { TicketStatus } from '../../domain/ticket-statuses.js';
import { DETERMINER, NUMBER_LIST, numbersInList } from './ticket-number-list.js';

/**
 * A status an agent set by typing it ("1042 in progress"); `solution`: the words after the colon of
 * a Solution Offered command ("solution offered 1042: clear the cache").
 */
export interface TypedStatusCommand {
  readonly status: TicketStatus;
  readonly solution: string | null;
  /**
   * The words the agent typed after the command, as typed ("1042 in progress, the customer sent
   * logs", "1042 closed: duplicate of 1000"), a colon in them included; never Solution Offered's
   * solution. Who reads them is the update request's call (see `parseUpdateRequest`).
   */
  readonly remark: string | null;
  /**
   * The tickets typed ("1042 and 1043 in progress"), each once, with those the remark only adds
   * ("1042 closed, 1043 too"); none for "it", "this ticket" or none named.
   */
  readonly tickets: readonly number[];
  /** A status command typed as the remark, naming its own tickets ("1042 in progress, 1043 closed"). */
  readonly next: TypedStatusCommand | null;
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
/** "… please", "… thanks" closing a command. */
const POLITE_TAIL = String.raw`(?:[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty))*`;
/**
 * The end of the command: the end of the message (a polite word or a full stop allowed), or a
 * break before the rest of the message: a comma, semicolon, full stop, colon or dash. `brk`: the
 * break's mark (none for a dash); `rest`: the words after it, exactly as typed.
 */
const COMMAND_END = String.raw`${POLITE_TAIL}(?:[\s.!?]*$|(?:\s*(?<brk>[,;.!:])|\s+[-–—])\s*(?<rest>[\s\S]*)$)`;

/**
 * "set 1042 to in progress", "mark it as solution offered", and, without the verb, "1042 in progress",
 * "#1042 to waiting on customer"; a list of tickets in place of one ("1042 and 1043 in progress").
 */
const REF_THEN_STATUS = new RegExp(
  String.raw`^(?:${SET_VERB}(?:${DETERMINER}(?<set>${NUMBER_LIST})|${PRONOUN_REF})|(?:(?:please|pls)\s+)?${DETERMINER}(?<bare>${NUMBER_LIST}))${LINK}(?<status>${ANY_STATUS})${COMMAND_END}`,
  'i',
);
/** "solution offered 1042", "solution offered for tickets 1042 and 1043", "solution offered" (the last ticket talked about). */
const SOLUTION_OFFERED_FIRST = new RegExp(
  String.raw`^(?:(?:please|pls)\s+)?(?:${STATUS_NAMES[0]![1]})(?:\s+(?:(?:for|on)\s+)?${DETERMINER}(?<set>${NUMBER_LIST}))?${COMMAND_END}`,
  'i',
);
/**
 * A remark that only adds tickets to the command: "…, 1043 too", "…, and 1043", "…, 1043 as well",
 * "…, same for 1043", or nothing but a list ("1042 closed, 1043"). A number the remark says more
 * about ("…, 1000 is the original", "…, 2024 release") adds nothing.
 */
const MORE_TICKETS = new RegExp(
  String.raw`^(?:(?:and|also|plus)\s+(?:also\s+)?(?:the\s+same\s+(?:for\s+)?)?|(?:the\s+)?same\s+(?:for|with|goes\s+for)\s+)?${DETERMINER}(?<more>${NUMBER_LIST})(?<also>\s+(?:too|as\s+well|also))?${COMMAND_END}`,
  'i',
);
/** "and", "then", "and then" before a second command in the remark ("…, then 1043 closed"). */
const NEXT_COMMAND_LEAD = /^(?:(?:and|also|then)\s+)+/i;

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
 * Solution Offered may carry the solution after a colon ("solution offered 1042: clear the cache").
 * Anything else after the command is the `remark`, as typed ("1042 and 1043 in progress, the
 * customer wrote: logs attached", "1042 closed: duplicate of 1000", "1042 solution offered, clear
 * the cache"); a remark that only names more tickets ("…, 1043 too") adds them, and one that is a
 * status command naming tickets ("1042 in progress, 1043 closed") is `next`. Questions ("why is 1042
 * on solution offered: …") and longer sentences naming a status ("1042 is not in progress yet") are
 * no command.
 */
export function typedStatusCommand(text: string): TypedStatusCommand | null {
  if (asksAQuestion(text)) return null;
  const command = text.trim().replace(POLITE_REQUEST, '');
  const named = REF_THEN_STATUS.exec(command)?.groups;
  const groups = named ?? SOLUTION_OFFERED_FIRST.exec(command)?.groups;
  if (!groups) return null;
  const status = named ? statusNamed(named.status ?? '') : 'solution_offered';
  if (!status) return null;
  let tickets = numbersInList(groups.set ?? groups.bare ?? '');
  let brk = groups.brk;
  let rest = groups.rest?.trim() || null;
  const more =
    rest && !(status === 'solution_offered' && brk === ':') ? MORE_TICKETS.exec(rest)?.groups : null;
  // A bare list adds tickets only as the whole remark ("1042 closed, 1043"), never before more words.
  if (more && (more.also || !more.rest?.trim() || /^(?:and|also|plus|the|same)\b/i.test(rest ?? ''))) {
    tickets = [...new Set([...tickets, ...numbersInList(more.more ?? '')])];
    brk = more.brk;
    rest = more.rest?.trim() || null;
  }
  if (status === 'solution_offered' && brk === ':') {
    return { status, solution: rest, tickets, remark: null, next: null };
  }
  const next = rest ? typedStatusCommand(rest.replace(NEXT_COMMAND_LEAD, '')) : null;
  if (next && next.tickets.length > 0) return { status, solution: null, tickets, remark: null, next };
  return { status, solution: null, tickets, remark: rest, next: null };
}

/** A typed status command that names at least one ticket ("1042 in progress"), not "set it to open, then …". */
export function namesTicketsInStatusCommand(text: string): boolean {
  return (typedStatusCommand(text)?.tickets.length ?? 0) > 0;
}
