import type { Responses } from '../../core/responses.js';
import { isCancel } from '../../nlu/answer-parsers.js';
import { FILLERS } from '../../nlu/answer-phrases.js';
import { messageParts } from '../../nlu/message-parts.js';
import { normalisePhrase, phraseList } from './phrase-list.js';

/** What the user's words mean for a live chat they are in. */
export interface LeaveWords {
  /** "end chat", "end chat please", "thanks, end chat", "I want to end the chat". */
  endsChat(text: string): boolean;
  /**
   * While still waiting for an agent: the above, "stop waiting" anywhere in the message,
   * or a message of nothing but cancel words ("cancel", "ok never mind"). Cancel words
   * followed by more ("never mind, found the campaign id: 48213") are for the agent.
   */
  leavesQueue(text: string): boolean;
}

/** A clause's words, without politeness ("please", "thanks", "actually") or punctuation. */
function clauseWords(text: string): string {
  return normalisePhrase(text)
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && !FILLERS.has(w))
    .join(' ');
}

/**
 * The end-chat and leave-the-queue phrases of the content (`handoff.end_chat_commands`,
 * `handoff.leave_queue_commands`), matched against each clause of a message, so that
 * "actually never mind, end chat" counts while "please don't end the chat yet" does not.
 * The words that cancel any flow leave the queue only when they are the whole message.
 */
export function createLeaveWords(responses: Responses): LeaveWords {
  const endChat = new Set(phraseList(responses, 'handoff.end_chat_commands').map(clauseWords));
  const leaveQueue = new Set(phraseList(responses, 'handoff.leave_queue_commands').map(clauseWords));
  // Longest first: "i would like to" before "i would".
  const leadIns = phraseList(responses, 'handoff.end_chat_lead_ins')
    .map(clauseWords)
    .filter((l) => l !== '')
    .sort((a, b) => b.length - a.length);

  /** The clause without a leading "I want to" or "let me". */
  const core = (clause: string): string => {
    const words = clauseWords(clause);
    const lead = leadIns.find((l) => words.startsWith(`${l} `));
    return lead ? words.slice(lead.length + 1) : words;
  };
  const clauses = (text: string): string[] => [
    text,
    ...messageParts(text)
      .map((p) => p.text)
      .filter((p) => p !== ''),
  ];
  const endsChat = (text: string) => clauses(text).some((c) => endChat.has(core(c)));
  /** "never mind", "nvm, cancel": every part of the message is a cancel word. */
  const onlyCancelWords = (text: string): boolean => {
    const parts = messageParts(text)
      .map((p) => p.text)
      .filter((p) => p !== '');
    return isCancel(text) || (parts.length > 0 && parts.every(isCancel));
  };

  return {
    endsChat,
    leavesQueue: (text) =>
      endsChat(text) || onlyCancelWords(text) || clauses(text).some((c) => leaveQueue.has(core(c))),
  };
}
