import { isTicketStatus, type TicketStatus } from '../../domain/ticket-statuses.js';
import { DETERMINER, LISTED_NUMBER, NUMBER_LIST, numbersInList } from './ticket-number-list.js';
import { asksAQuestion, asksPolitely, typedStatusCommand } from './typed-status-command.js';

/** What a user wants done to a ticket, read from "close 1042", "reply to 1042: …", "it didn't help". */
export type UpdateRequest =
  | { readonly kind: 'comment'; readonly body: string | null; readonly internal: boolean }
  | { readonly kind: 'close'; readonly body: string | null }
  | { readonly kind: 'reopen'; readonly body: string | null }
  | { readonly kind: 'solved' }
  /**
   * `body`: the complaint in the user's words ("1042 still doesn't work"); `reason`: what is kept
   * when it rejects an offered solution (null: the user is asked). Both filled in by the update handler.
   */
  | { readonly kind: 'not-solved'; readonly body?: string | null; readonly reason?: string | null }
  /** An agent's question about a ticket ("why is 1042 on solution offered: …"): its status, nothing changed or sent. */
  | { readonly kind: 'ask-status' }
  /**
   * `body`: what the agent tells the requester with the change ("solution offered 1042: clear
   * the cache", "1042 waiting on customer, please send us the HAR file"); Solution Offered without
   * it asks the agent for the solution first. `note`: the agent's remark after any other status
   * ("1042 in progress, the customer sent logs"), kept on each ticket as an internal note, as an
   * agent's close reason is; never sent to a requester.
   */
  | { readonly kind: 'status'; readonly status: TicketStatus; readonly body?: string; readonly note?: string }
  | { readonly kind: 'assign'; readonly to: 'me' | 'nobody' | { readonly name: string } };

const NOT_SOLVED =
  /\b(?:did ?n[o']?t|does ?n[o']?t|didnt|doesnt|not|never) (?:help|work|fix|solve)|\bstill (?:broken|not working|happening|failing|the same|an issue)|\b(?:broken|failing|happening|not working|stopped working) again\b|\bnot (?:solved|fixed|resolved)\b|\bno luck\b|\breject (?:the )?solution\b/i;
const SOLVED =
  /\b(?:solved|fixed|resolved|works now|working now|(?:that|it) worked|accept(?:ed)? (?:the )?solution|problem is gone)\b/i;
const REOPEN = /\bre-?open\b/i;
/**
 * "close 1042" as a command: at the start of the message or of a clause, optionally after
 * "please" or "can you"; never "why did you close it?", "I can't close the popup", "don't close it".
 */
const CLOSE =
  /(?:^|[.;!,]\s*|\b(?:and|so|then)\s+)(?:(?:please|pls|plz|kindly|(?:can|could|would|will)\s+(?:you|u|ya))\s+)*close\b|\bno longer needed\b/i;
/** "reply to 1042: …": what follows the colon is the reply, whatever it mentions. */
const REPLY_PREFIX =
  /^\s*(?:(?:add|post|write|leave|send)\s+(?:a |an |my )?)?(?:reply|respond|answer|comment|message|tell)\b[^:]{0,80}:/i;
const ASSIGN = /\bassign(?:ed)?\b.*?\bto\s+(.+?)[.!]?$/i;
const UNASSIGN = /\bun-?assign\b/i;
const TAKE =
  /\b(?:take|claim|grab)\b.*\b(?:it|ticket|this|\d+)\b|\bassign (?:it |this )?to me\b|\bassign me\b/i;
const SET_STATUS = /\b(?:set|mark|change|move|put|switch|update)\b/i;
const NOTE = /\b(?:internal note|private note|add (?:a |an )?note|note on)\b/i;

/** The comment text in "reply to ticket 1042: the pixel fires again" or "add a comment to 1042 saying …". */
export function commentBody(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon >= 0 && colon < 80) {
    const after = text.slice(colon + 1).trim();
    if (after) return after;
  }
  const rest = text
    .replace(
      /^.*?\b(?:(?:add|post|write|leave|send)\s+(?:(?:a|an|my|this)\s+)?(?:comment|reply|note|message)|comment|reply|respond|answer|message|note|write|tell (?:them|support)|add)\b(?:\s+(?:to|on|in|for))?(?:\s+(?:ticket|case))?(?:\s+#?\d+)?(?:\s+(?:saying|that|with))?/i,
      '',
    )
    .replace(/^\s*(?:ticket|case)?\s*#?\d+\b/i, '')
    .trim();
  return rest.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 2 ? rest : null;
}

/**
 * "close 1000 and 1001", "reopen tickets #1000, #1001 & #1002", "set 1000 and 1001 to in progress",
 * "mark tickets 1000, 1001 as closed": the list right after the command.
 */
const LIST_AFTER_COMMAND = new RegExp(
  String.raw`\b(?:close|re-?open)\s+${DETERMINER}(${NUMBER_LIST})|\b(?:set|mark|change|move|put|switch)\s+(?:the\s+status\s+(?:of|on|for)\s+)?${DETERMINER}(${NUMBER_LIST})\s+(?:now\s+)?(?:to|as)\b`,
  'id',
);

/**
 * The tickets a close, reopen or status change names: the numbers listed right after the command
 * ("close 1000 and 1001", "set 1000 and 1001 to in progress"). A number later in the message is part
 * of the reason ("close 1001 its a duplicate of 1000", "reopen 1000 still getting error 404"), as is
 * one the message says something about ("close 1001, 1000 is the original"). For staff, a status
 * typed after the list ("1000 and 1001 in progress", "1000, 1001 closed") names the list too, as
 * `parseUpdateRequest` reads it. Empty when no number follows the command.
 */
export function ticketsAfterCommand(text: string, options: { staff?: boolean } = {}): number[] {
  const typed = options.staff ? typedStatusCommand(text) : null;
  if (typed) return [...typed.tickets];
  const match = text.match(LIST_AFTER_COMMAND);
  return numbersInList(match?.[1] ?? match?.[2] ?? '');
}

/**
 * "close 1000, 1001 and 1002, it works now" read as for one ticket ("close 1000, it works now"), for
 * its reason. Only the list right after the command is cut to its first ticket; the rest is kept as
 * typed, numbers and all ("set 1000 and 1001 to solution offered: allow ports 8080 and 8443").
 */
export function withOneTicketNumber(text: string): string {
  const match = LIST_AFTER_COMMAND.exec(text);
  const span = match?.indices?.[1] ?? match?.indices?.[2];
  if (!span) return text;
  const [start, end] = span;
  const first = text.slice(start, end).match(new RegExp(`^${LISTED_NUMBER}`, 'i'))?.[0];
  return first ? text.slice(0, start) + first + text.slice(end) : text;
}

/** The words of a complaint ("ticket 1000 still doesn't work, why did you close it?"), kept as they were said. */
export function complaintText(text: string): string | null {
  const said = REPLY_PREFIX.test(text) ? commentBody(text) : text.trim();
  return said || null;
}

/**
 * The ticket a close or reopen names, cut from its reason: "it", "this ticket", "the ticket 1000",
 * "tickets 1000", "both 1000" (a list read as its first ticket, see `withOneTicketNumber`).
 */
const COMMAND_TICKET = String.raw`(?:\s+(?:it|this|that)\b(?:\s+(?:ticket|case|one)\b)?|\s+(?:(?:the|my|these|those|both)\s+)?(?:ticket|case)s?\b|\s+(?:the|my|these|those|both)(?=\s*#?\d))?(?:\s*#?\d+\b)?`;
const REOPEN_SPLIT = new RegExp(String.raw`\bre-?open\b${COMMAND_TICKET}`, 'i');
const CLOSE_SPLIT = new RegExp(String.raw`\bclose\b${COMMAND_TICKET}`, 'i');
const REQUEST_WORDS =
  /\b(?:(?:can|could|would|will) (?:you|u|ya)|please|pls|plz|kindly|i(?:'d| would)? (?:want|need|like) to|let'?s)\b/gi;
const LEADING_LINK = /^[\s,;:.!–-]*(?:(?:and|as|because|since|cause|coz|cuz|bc|so)\b)?[\s,;:.!–-]*/i;
const FILLER =
  /^(?:please|pls|plz|thanks|thank|you|thx|ty|now|asap|again|it|this|that|ticket|case|for|me|the)$/i;

const SOLVED_ALL = new RegExp(SOLVED.source, 'gi');
/** Words that may come with "it works now" without saying anything more. */
const SOLVED_FILLER =
  /^(?:ticket|case|issue|problem|is|it|its|it's|has|have|been|was|all|everything|now|thanks|thank|you|thx|ty|great|good|perfect|ok|okay|yes|yep|the|this|that|on|our|my|side|end|for|me|us|and|so|seems|looks|like|indeed|already|too|please|pls|reply|to|close|closed)$/i;

/** "it works now", "ticket 1042 is solved, thanks": nothing but that it is solved. */
function onlySaysSolved(text: string): boolean {
  const rest = (REPLY_PREFIX.test(text) ? (commentBody(text) ?? '') : text).replace(SOLVED_ALL, ' ');
  const words = rest.split(/\s+/).map((w) => w.replace(/[^\p{L}']/gu, ''));
  return words.filter((w) => /\p{L}{2,}/u.test(w) && !SOLVED_FILLER.test(w)).length < 2;
}

const NOT_SOLVED_ALL = new RegExp(NOT_SOLVED.source, 'gi');
/**
 * Words that may come with "it didn't help" without saying what is wrong: "no that didnt help
 * at all", "sorry, it still doesn't work", "unfortunately the solution did not fix it".
 */
const REJECTION_FILLER =
  /^(?:no|nope|nah|sorry|unfortunately|sadly|afraid|i'm|im|i|am|hi|hey|hello|ok|okay|well|but|so|and|thanks|thank|you|thx|ty|please|pls|that|this|it|its|it's|the|your|a|an|at|all|really|yet|either|again|anything|nothing|is|was|has|have|does|did|do|doesn't|doesnt|didn't|didnt|don't|dont|not|work|works|working|worked|help|helped|helping|fix|fixed|solve|solved|solution|suggestion|answer|issue|problem|ticket|case|me|us|my|our|side|end)$/i;
const TICKET_REF = /(?:\b(?:ticket|case)\s*)?#?\b\d{2,9}\b/gi;

/**
 * What to keep when a complaint rejects an offered solution: a reply's words ("reply to 1042:
 * still broken, the pixel fires twice"), or a complaint that says more than "it didn't help"
 * ("1042 still broken, the pixel fires twice"). Null: nothing more was said, so the user is asked.
 */
export function rejectionReason(text: string): string | null {
  if (REPLY_PREFIX.test(text)) return commentBody(text);
  const rest = text.replace(NOT_SOLVED_ALL, ' ').replace(TICKET_REF, ' ');
  const words = rest
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}']/gu, ''))
    .filter((w) => /\p{L}{2,}/u.test(w));
  const says = (w: string) => !REJECTION_FILLER.test(w);
  // "still" says something only with more after it ("still getting 404"), not in "it still doesn't work".
  const kept = words.filter((w, i) => says(w) && (!/^still$/i.test(w) || words.slice(i + 1).some(says)));
  return kept.length >= 2 ? text.trim() : null;
}

/** Enough words to be worth keeping as a comment: not just "pls" or "thanks". */
function meaningful(text: string, minWords: number): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.filter((w) => !FILLER.test(w.replace(/[^\p{L}]/gu, ''))).length >= minWords;
}

/** The words around a command ("reopen 1000", "close 1000") that say why. */
function reasonAround(text: string, command: RegExp, minWords: number): string | null {
  if (text.includes(':')) return commentBody(text);
  const match = text.match(command);
  if (!match || match.index === undefined) return null;
  const after = text
    .slice(match.index + match[0].length)
    .replace(LEADING_LINK, '')
    .trim();
  if (meaningful(after, minWords)) return after;
  const before = text
    .slice(0, match.index)
    .replace(REQUEST_WORDS, '')
    .replace(/[\s,;.!–-]*(?:and|so)?[\s,;.!–-]*$/i, '')
    .trim();
  return meaningful(before, minWords) ? before : null;
}

/** Why the user reopens, kept as a comment: "reopen #1000 still broken", "still broken, reopen 1000". */
export function reopenReason(text: string): string | null {
  return reasonAround(text, REOPEN_SPLIT, 2);
}

/** Why the user closes, kept as a closing comment: "close 1000, it works now", "resolved, close 1000". */
export function closeReason(text: string): string | null {
  return reasonAround(text, CLOSE_SPLIT, 1);
}

/**
 * Reads an update request. Assigning, setting a status and internal notes are read
 * for everyone and refused by the ticket rules for requesters, so they hear why.
 */
export function parseUpdateRequest(
  text: string,
  options: { staff: boolean; statuses: readonly TicketStatus[] },
): UpdateRequest {
  // A typed status is a command unless its command part asks ("1042 waiting on customer, could you
  // send us the HAR file?" sets the status and asks the requester; "1042 in progress?" asks).
  const typed = typedStatusRequests(text, options)?.[0];
  if (typed) return typed.request;
  // An agent's question is never a command, nor a reply the requester would get.
  const question = options.staff && !REPLY_PREFIX.test(text) && asksAQuestion(text);
  if (UNASSIGN.test(text)) return { kind: 'assign', to: 'nobody' };
  if (options.staff && TAKE.test(text)) return { kind: 'assign', to: 'me' };
  const assignee = text.match(ASSIGN)?.[1]?.trim();
  if (assignee) return { kind: 'assign', to: /^(me|myself)$/i.test(assignee) ? 'me' : { name: assignee } };
  const status = options.statuses[0];
  if (status && SET_STATUS.test(text) && !question) return statusRequest(status, options.staff, null);
  if (options.staff && NOTE.test(text)) return { kind: 'comment', body: commentBody(text), internal: true };
  // "reopen #1000 still broken": asking to reopen wins over the words that reject a solution;
  // on a ticket with a solution offered, the update handler reads it as rejecting that solution.
  // An agent's "should I reopen 1042? the customer says it works" asks; it reopens nothing.
  if (!question && REOPEN.test(text)) return { kind: 'reopen', body: reopenReason(text) };
  // "still doesn't work, why did you close it?": saying it is not solved wins over any "close".
  if (!options.staff && NOT_SOLVED.test(text)) return { kind: 'not-solved' };
  // "close 1011, it works now": asking to close wins; the rest is kept as a closing comment.
  if (!question && !REPLY_PREFIX.test(text) && CLOSE.test(text))
    return { kind: 'close', body: closeReason(text) };
  // "we fixed the pixel, but payouts are still wrong" says more than "solved": it is a reply.
  if (!options.staff && SOLVED.test(text) && onlySaysSolved(text)) return { kind: 'solved' };
  // "can you change the pixel on 1042?": a polite request that is no ticket command is no reply either.
  if (question || (options.staff && !REPLY_PREFIX.test(text) && asksPolitely(text))) {
    return { kind: 'ask-status' };
  }
  return { kind: 'comment', body: commentBody(text), internal: false };
}

/**
 * One command of an agent's typed status ("1042 in progress"): its tickets and request; `forCurrent`:
 * also (or only) the ticket talked about, the command naming none ("set it to closed, 1043 too").
 */
export interface TypedStatusRequest {
  readonly tickets: readonly number[];
  readonly forCurrent: boolean;
  readonly request: UpdateRequest;
}

/**
 * An agent's typed status command as the requests it makes, in order: "1042 in progress, 1043
 * closed" is two; "1042 closed, 1043 too" one for both. Null: no typed status command (a
 * requester's message, a question, an internal note asked for). `noteIsRemark`: words about a
 * note ("…, I left a note on the export ticket") are the remark, as any other words are: the
 * status the answer-or-status question named is what the agent chose there.
 */
export function typedStatusRequests(
  text: string,
  options: { staff: boolean; noteIsRemark?: boolean },
): TypedStatusRequest[] | null {
  if (!options.staff || (NOTE.test(text) && !options.noteIsRemark)) return null;
  const requests: TypedStatusRequest[] = [];
  for (let typed = typedStatusCommand(text); typed; typed = typed.next) {
    // A number is worth keeping too ("1042 closed, 2024."): the agent sees it kept, not acted on.
    const remark =
      typed.remark && (meaningful(typed.remark, 1) || /\d/.test(typed.remark)) ? typed.remark : null;
    requests.push({
      tickets: typed.tickets,
      forCurrent: typed.forCurrent,
      request: statusRequest(typed.status, options.staff, typed.solution, remark),
    });
  }
  return requests.length > 0 ? requests : null;
}

/**
 * A status to set, as "set 1042 to …" asks: Closed closes, Open reopens for a requester,
 * Solution Offered carries the solution when one was typed (else the agent is asked for it).
 * An agent's remark is for the requester with Awaiting your response ("1042 waiting on customer,
 * please send us the HAR file"): sent with the change. With any other status it is kept as an
 * internal note: Closed's reason ("1042 closed: duplicate of 1000"), another status's note;
 * Solution Offered's remark is never taken for the solution.
 */
function statusRequest(
  status: TicketStatus,
  staff: boolean,
  solution: string | null,
  remark: string | null = null,
): UpdateRequest {
  if (status === 'closed') return { kind: 'close', body: remark };
  if (status === 'open' && !staff) return { kind: 'reopen', body: null };
  if (status === 'solution_offered' && solution) return { kind: 'status', status, body: solution };
  if (status === 'awaiting_response' && remark) return { kind: 'status', status, body: remark };
  return { kind: 'status', status, ...(remark ? { note: remark } : {}) };
}

/** The request brings the agent's or user's own words to the ticket (a reply, a remark, a reason). */
export function carriesWords(request: UpdateRequest): boolean {
  switch (request.kind) {
    case 'comment':
    case 'close':
    case 'reopen':
      return Boolean(request.body);
    case 'not-solved':
      return Boolean(request.body || request.reason);
    case 'status':
      return Boolean(request.body || request.note);
    default:
      return false;
  }
}

/** A request carried by a "which ticket?" button, checked again (clients can send anything). */
export function readCarriedRequest(raw: unknown): UpdateRequest | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const body = typeof r.body === 'string' ? r.body : null;
  switch (r.kind) {
    case 'comment':
      return { kind: 'comment', body, internal: r.internal === true };
    case 'reopen':
      return { kind: 'reopen', body };
    case 'close':
      return { kind: 'close', body };
    case 'solved':
      return { kind: 'solved' };
    case 'not-solved':
      return { kind: 'not-solved', body, reason: typeof r.reason === 'string' ? r.reason : null };
    case 'ask-status':
      return { kind: 'ask-status' };
    case 'status':
      return typeof r.status === 'string' && isTicketStatus(r.status)
        ? {
            kind: 'status',
            status: r.status,
            ...(body ? { body } : {}),
            ...(typeof r.note === 'string' && r.note ? { note: r.note } : {}),
          }
        : null;
    case 'assign': {
      const to = r.to;
      if (to === 'me' || to === 'nobody') return { kind: 'assign', to };
      const name = (to as { name?: unknown } | null)?.name;
      return typeof name === 'string' ? { kind: 'assign', to: { name } } : null;
    }
    default:
      return null;
  }
}
