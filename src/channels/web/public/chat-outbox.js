// The page's messages on their way to the help desk: sent one at a time, in the order written (a
// message waits for the answer before it, so it goes to the conversation that answer names), each
// with one id for all its attempts, so the server never handles a message twice. A message that
// could not be delivered stays on screen with a notice saying so: sent again by itself after
// Retry-After or a growing pause (bounded), then a Retry button; a refused one goes back to the box.

import { t } from './chat-texts.js';
import { el } from './dom.js';

/** Pauses before the automatic attempts after the first, when the server names none. */
const BACKOFF_SECONDS = [1, 2, 4, 8, 16];
/** A longer Retry-After is waited this long (the button sends at once anyway). */
const LONGEST_WAIT_SECONDS = 60;

/**
 * hooks:
 * - `ready`: a promise to wait for before the first message (the conversation shown again);
 * - `post(entry)`: the request for one attempt (a fetch Response; throws when nothing came back);
 * - `answered(entry, data)`: shows the answer;
 * - `unknownConversation(entry)`: true when a new conversation was started to send it to;
 * - `refused(entry)`: the message cannot be sent as it is (its text goes back to the box);
 * - `busy(on)`: an attempt is under way (the typing indicator).
 */
export function createOutbox(hooks) {
  let queue = [];
  let running = false;

  /** Queues a message: `{ text, value?, attachments?, bubble }` (the bubble shows its state). */
  function add(message) {
    const entry = {
      ...message,
      id: crypto.randomUUID(),
      notice: null,
      wake: null,
      blocked: false,
      cancelled: false,
    };
    entry.bubble.classList.add('pending');
    queue.push(entry);
    void pump();
  }

  /** Drops every message not yet answered (a new chat): none of them is sent any more. */
  function clear() {
    for (const entry of queue) {
      entry.cancelled = true;
      entry.wake?.();
    }
    queue = [];
  }

  async function pump() {
    if (running) return;
    running = true;
    try {
      await hooks.ready;
      while (queue.length > 0 && !queue[0].blocked) {
        const entry = queue[0];
        const finished = await deliver(entry);
        if (entry.cancelled) continue;
        if (!finished) {
          entry.blocked = true;
          break;
        }
        queue.shift();
      }
    } finally {
      running = false;
    }
  }

  /** True once answered or refused; false when the automatic attempts are used up. */
  async function deliver(entry) {
    let retries = 0;
    let startedNewConversation = false;
    for (;;) {
      const outcome = await attempt(entry);
      if (entry.cancelled) return true;
      if (outcome.kind === 'answered') {
        entry.notice?.remove();
        entry.bubble.classList.remove('pending', 'failed');
        await hooks.answered(entry, outcome.data);
        return true;
      }
      if (
        outcome.kind === 'unknown_conversation' &&
        !startedNewConversation &&
        hooks.unknownConversation(entry)
      ) {
        startedNewConversation = true;
        continue;
      }
      if (outcome.kind !== 'retry') {
        refuse(entry, outcome.reason);
        return true;
      }
      entry.reason = outcome.reason;
      if (retries >= BACKOFF_SECONDS.length) {
        show(entry, t('not_sent.gave_up', { reason: outcome.reason }), true);
        entry.bubble.classList.add('failed');
        return false;
      }
      await pause(entry, outcome.reason, outcome.seconds ?? BACKOFF_SECONDS[retries]);
      retries += 1;
      if (entry.cancelled) return true;
      show(entry, t('not_sent.sending_again', { reason: outcome.reason }), false);
    }
  }

  async function attempt(entry) {
    hooks.busy(true);
    try {
      const res = await hooks.post(entry);
      const data = await res.json().catch(() => ({}));
      return outcomeOf(res, data);
    } catch {
      return { kind: 'retry', seconds: null, reason: t('reason.offline') };
    } finally {
      hooks.busy(false);
    }
  }

  function refuse(entry, reason) {
    show(entry, t('not_sent.refused', { reason }), false);
    entry.bubble.classList.remove('pending');
    entry.bubble.classList.add('failed');
    hooks.refused(entry);
  }

  /** Waits `seconds`, counting down in the notice; Retry ends the wait at once. */
  function pause(entry, reason, seconds) {
    return new Promise((resolve) => {
      let left = Math.max(1, Math.ceil(seconds));
      const timer = setInterval(() => {
        left -= 1;
        if (left <= 0) finish();
        else show(entry, t('not_sent.retrying', { reason, seconds: left }), true);
      }, 1000);
      function finish() {
        clearInterval(timer);
        entry.wake = null;
        resolve();
      }
      entry.wake = finish;
      show(entry, t('not_sent.retrying', { reason, seconds: left }), true);
    });
  }

  /** Retry: a waiting message goes now; a message whose attempts were used up gets new ones. */
  function retry(entry) {
    if (entry.wake) return entry.wake();
    if (!entry.blocked || entry.cancelled) return;
    entry.blocked = false;
    entry.bubble.classList.remove('failed');
    show(entry, t('not_sent.sending_again', { reason: entry.reason }), false);
    void pump();
  }

  /** The message's notice, right under its bubble. */
  function show(entry, text, withRetry) {
    const notice = el(
      'div',
      { class: 'msg notice error', role: 'status', dir: 'auto' },
      text,
      withRetry
        ? el(
            'div',
            { class: 'actions' },
            el('button', { type: 'button', onclick: () => retry(entry) }, t('not_sent.retry')),
          )
        : null,
    );
    if (entry.notice?.isConnected) entry.notice.replaceWith(notice);
    else entry.bubble.after(notice);
    entry.notice = notice;
  }

  return { add, clear };
}

/** What one attempt's answer means for the message. */
function outcomeOf(res, data) {
  if (res.ok) return { kind: 'answered', data };
  const reason = data.message || t('reason.status', { status: res.status });
  if (res.status === 404) return { kind: 'unknown_conversation', reason };
  if (res.status === 408 || res.status === 429 || res.status >= 500) {
    return { kind: 'retry', seconds: retryAfterSeconds(res.headers.get('retry-after')), reason };
  }
  return { kind: 'refused', reason };
}

/** Retry-After in seconds (a number or an HTTP date), at most LONGEST_WAIT_SECONDS; null without one. */
function retryAfterSeconds(header) {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(LONGEST_WAIT_SECONDS, Math.max(1, seconds));
}
