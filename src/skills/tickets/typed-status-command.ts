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
   * ("1042 closed, 1043 too"); for "it", "this ticket" or none named, only those the remark adds.
   */
  readonly tickets: readonly number[];
  /**
   * The command itself names no ticket ("set it to closed", "solution offered"): it is for the
   * ticket talked about, as well as any `tickets` its remark adds ("set it to closed, 1043 too").
   */
  readonly forCurrent: boolean;
  /**
   * A remark that is nothing but a status command naming tickets ("1042 in progress, 1043 closed"),
   * run after this one; itself bare, as are its own `next`.
   */
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
 * A remark that only adds tickets to the command, with a word that says so: "…, 1043 too", "…, and
 * 1043", "…, 1043 as well", "…, same for 1043". A number alone ("1042 closed, 2024.") adds nothing.
 */
const MORE_TICKETS = new RegExp(
  String.raw`^(?:(?<lead>(?:and|also|plus)\s+(?:also\s+)?(?:the\s+same\s+(?:for\s+)?)?|(?:the\s+)?same\s+(?:for|with|goes\s+for)\s+))?${DETERMINER}(?<more>${NUMBER_LIST})(?<also>\s+(?:too|as\s+well|also))?${COMMAND_END}`,
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
 * Anything else after the command is the `remark`, whole and as typed ("1042 and 1043 in progress,
 * the customer wrote: logs attached", "1042 closed: duplicate of 1000", "1042 waiting on customer,
 * could you send us the HAR file?"), unless it is nothing but more of the command: tickets added
 * with a word that says so ("…, 1043 too"), or a status command naming tickets and nothing else
 * ("1042 in progress, 1043 closed"), which is `next`. Only the command part can make the message a
 * question ("is 1042 in progress?", "1042 and 1043 in progress?"); longer sentences naming a status
 * ("1042 is not in progress yet") are no command.
 */
export function typedStatusCommand(text: string): TypedStatusCommand | null {
  const typed = text.trim();
  const command = typed.replace(POLITE_REQUEST, '');
  const named = REF_THEN_STATUS.exec(command)?.groups;
  const groups = named ?? SOLUTION_OFFERED_FIRST.exec(command)?.groups;
  if (!groups) return null;
  // The remark is the end of the message: what comes before it is the command, the part asked or not.
  if (asksAQuestion(typed.slice(0, typed.length - (groups.rest?.length ?? 0)))) return null;
  const status = named ? statusNamed(named.status ?? '') : 'solution_offered';
  if (!status) return null;
  const own = numbersInList(groups.set ?? groups.bare ?? '');
  const base = {
    status,
    tickets: own,
    forCurrent: own.length === 0,
    solution: null,
    remark: null,
    next: null,
  };
  const rest = groups.rest?.trim() || null;
  const solutionAfter = (brk: string | undefined) => status === 'solution_offered' && brk === ':';
  if (solutionAfter(groups.brk)) return { ...base, solution: rest };
  if (!rest) return base;
  // "…, 1043 too": the tickets added, and nothing more (Solution Offered's solution after it aside).
  const more = MORE_TICKETS.exec(rest)?.groups;
  if (more && (more.lead || more.also) && (!more.rest?.trim() || solutionAfter(more.brk))) {
    const tickets = [...new Set([...own, ...numbersInList(more.more ?? '')])];
    return { ...base, tickets, solution: more.rest?.trim() || null };
  }
  // "…, 1043 closed": a status command naming tickets, and nothing more.
  const next = typedStatusCommand(rest.replace(NEXT_COMMAND_LEAD, ''));
  if (next && !next.forCurrent && next.remark === null) return { ...base, next };
  return { ...base, remark: rest };
}

/** Each command of a typed status and those that follow it in the remark ("1042 in progress, 1043 closed"). */
function chain(command: TypedStatusCommand | null): TypedStatusCommand[] {
  const all: TypedStatusCommand[] = [];
  for (let c = command; c; c = c.next) all.push(c);
  return all;
}

/**
 * A typed status command naming at least one ticket ("1042 in progress", "set it to closed, 1043
 * too"), never one for the ticket talked about only ("set it to open, then …").
 */
export function namesTicketsInStatusCommand(text: string): boolean {
  return chain(typedStatusCommand(text)).some((c) => c.tickets.length > 0);
}

/**
 * A typed status command for the ticket talked about only, naming none ("set it to closed,
 * duplicate of the billing export ticket"): while an answer is asked for, it may be that answer
 * ("Set it to open, then reload the dashboard"), so the agent is asked which.
 */
export function untargetedStatusCommand(text: string): TypedStatusCommand | null {
  const command = typedStatusCommand(text);
  return command && chain(command).every((c) => c.tickets.length === 0) ? command : null;
}
