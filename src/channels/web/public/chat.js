// The local web chat: posts to /api/chat (through the outbox: in order, retried with the same id),
// renders the bot's neutral replies, shows the conversation again after a reload, and polls for
// proactive messages (agent replies, ticket updates).

import { readAttachments } from './chat-attachments.js';
import { createOutbox } from './chat-outbox.js';
import { replyNode, userNode } from './chat-render.js';
import { loadPageSetup, pageLimits, t } from './chat-texts.js';
import { el } from './dom.js';

/** A request that has not answered by then is taken as lost and sent again (same id). */
const REQUEST_TIMEOUT_MS = 90_000;

const log = document.getElementById('log');
const textInput = document.getElementById('text');
const userInput = document.getElementById('user');
const fileInput = document.getElementById('file');
const params = new URLSearchParams(location.search);

// With WEB_AUTH_TOKEN set, the page is opened once as /?token=<token>: the token is kept
// for this tab, sent as a bearer token, and taken out of the address bar.
if (params.get('token')) {
  sessionStorage.setItem('hd-token', params.get('token'));
  params.delete('token');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
}
const token = sessionStorage.getItem('hd-token') || '';
const authHeaders = token ? { authorization: `Bearer ${token}` } : {};

let user =
  params.get('user') || localStorage.getItem('hd-user') || `guest-${Math.random().toString(36).slice(2, 8)}`;
// The tab's conversation survives a reload (sessionStorage): the page shows it again on load.
let conversation = sessionStorage.getItem(`hd-conv-${user}`) || null;
let cursor = Number(sessionStorage.getItem(`hd-cursor-${user}`) || 0);
userInput.value = user;
localStorage.setItem('hd-user', user);

const setupRead = loadPageSetup();
const typing = el('div', { class: 'msg typing', role: 'status', dir: 'auto' });
const restored = showConversationAgain();

const outbox = createOutbox({
  ready: restored,
  post: (entry) =>
    fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders },
      body: JSON.stringify({
        user,
        ...(conversation ? { conversation } : {}),
        text: entry.text,
        value: entry.value,
        attachments: entry.attachments,
        id: entry.id,
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }),
  answered(_entry, data) {
    rememberConversation(data.conversation);
    // A message sent again whose first answer was lost gets that answer ({"duplicate": true}).
    for (const r of data.replies) renderReply(r);
  },
  unknownConversation(entry) {
    if (!conversation) return false;
    forgetConversation();
    entry.bubble.after(
      el('div', { class: 'msg notice warning', role: 'status', dir: 'auto' }, t('new_conversation')),
    );
    return true;
  },
  refused(entry) {
    if (entry.text && !textInput.value.trim()) textInput.value = entry.text;
  },
  busy(on) {
    if (on) {
      typing.textContent = t('typing');
      log.append(typing);
      log.setAttribute('aria-busy', 'true');
      log.scrollTop = log.scrollHeight;
    } else {
      typing.remove();
      log.removeAttribute('aria-busy');
    }
  },
});

userInput.addEventListener('change', () => {
  user = userInput.value.trim() || user;
  localStorage.setItem('hd-user', user);
  resetChat();
});
document.getElementById('new-chat').addEventListener('click', resetChat);

function rememberConversation(key) {
  conversation = key;
  sessionStorage.setItem(`hd-conv-${user}`, key);
}

function forgetConversation() {
  conversation = null;
  cursor = 0;
  sessionStorage.removeItem(`hd-conv-${user}`);
  sessionStorage.removeItem(`hd-cursor-${user}`);
}

function resetChat() {
  outbox.clear();
  forgetConversation();
  log.replaceChildren();
}

/** A node at the end of the log (above the typing indicator while it shows). */
function show(node) {
  if (typing.isConnected) typing.before(node);
  else log.append(node);
  log.scrollTop = log.scrollHeight;
  return node;
}

function authorLabel(author) {
  return author === 'agent' ? t('author.agent') : t('author.update');
}

function renderReply(r, author = 'bot') {
  show(replyNode(r, author, { press, authorLabel }));
}

/** The conversation's stored messages after a message id (null when they cannot be read). */
async function readMessages(key, after) {
  try {
    const res = await fetch(
      `/api/chat/${encodeURIComponent(key)}/messages?user=${encodeURIComponent(user)}&after=${after}`,
      { headers: authHeaders },
    );
    return res.ok ? (await res.json()).messages : null;
  } catch {
    return null;
  }
}

/** After a reload: what was said so far, above anything written meanwhile. */
async function showConversationAgain() {
  await setupRead;
  if (!conversation) return;
  const key = conversation;
  const messages = await readMessages(key, 0);
  if (!messages || key !== conversation) return;
  const nodes = [];
  for (const m of messages) {
    cursor = Math.max(cursor, m.id);
    if (m.author !== 'user') nodes.push(replyNode(m.reply, m.author, { press, authorLabel }));
    // A button press is stored without text: its label is not kept.
    else if (m.reply.text) nodes.push(userNode(m.reply.text));
  }
  log.prepend(...nodes);
  sessionStorage.setItem(`hd-cursor-${user}`, String(cursor));
  log.scrollTop = log.scrollHeight;
}

function press(event, action) {
  if (event.target && 'disabled' in event.target) event.target.disabled = true;
  const bubble = show(userNode(action.label));
  outbox.add({ text: '', value: action.value, bubble });
}

let readingFiles = false;
document.getElementById('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (readingFiles) return;
  const text = textInput.value.trim();
  const files = [...fileInput.files];
  if (!text && files.length === 0) return;
  let attachments;
  if (files.length > 0) {
    readingFiles = true;
    try {
      const read = await readAttachments(files, await pageLimits());
      fileInput.value = '';
      // Too large or unreadable: nothing is sent, and the text stays in the box.
      if (read.problem)
        return void show(el('div', { class: 'msg notice error', role: 'status', dir: 'auto' }, read.problem));
      attachments = read.attachments;
    } finally {
      readingFiles = false;
    }
  }
  if (textInput.value.trim() === text) textInput.value = '';
  const bubble = show(userNode(text || attachments.map((a) => `📎 ${a.name}`).join(', ')));
  outbox.add({ text, attachments, bubble });
});

async function poll() {
  const key = conversation;
  if (key) {
    try {
      const res = await fetch(
        `/api/chat/${encodeURIComponent(key)}/updates?user=${encodeURIComponent(user)}&after=${cursor}`,
        { headers: authHeaders },
      );
      if (res.ok && key === conversation) {
        const data = await res.json();
        for (const u of data.updates) {
          cursor = Math.max(cursor, u.id);
          renderReply(u.reply, u.author);
        }
        sessionStorage.setItem(`hd-cursor-${user}`, String(cursor));
      }
    } catch {
      // Offline for a moment: the next poll catches up.
    }
  }
  setTimeout(poll, 1000);
}
void restored.then(poll);
textInput.focus();
