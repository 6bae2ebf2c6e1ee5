// The agent console: sign in by web id, set availability, watch the queue live
// (Server-Sent Events), claim a chat, answer, add notes, transfer and close.
import { el, rich } from '/static/dom.js';

const params = new URLSearchParams(location.search);
const agentId = params.get('agent') || localStorage.getItem('hd-agent') || '';
// The console's own token (AGENT_CONSOLE_TOKEN), given once as ?token=: kept in this
// browser and taken out of the address bar.
const token = params.get('token') || localStorage.getItem('hd-agent-token') || '';
if (params.get('token')) {
  localStorage.setItem('hd-agent-token', token);
  params.delete('token');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
}

const $ = (id) => document.getElementById(id);
const state = {
  me: null,
  queue: [],
  mine: [],
  directory: { agents: [], teams: [] },
  canned: [],
  selected: null,
  chat: null,
  entries: new Map(),
  reminded: new Set(),
};

function toast(text, level = '') {
  const node = el('div', { class: `toast ${level}` }, text);
  $('toasts').append(node);
  setTimeout(() => node.remove(), 6000);
}

async function api(path, options = {}) {
  const url = `/agent/api${path}${path.includes('?') ? '&' : '?'}agent=${encodeURIComponent(agentId)}`;
  const method = options.method || 'GET';
  // Every POST is JSON, even without fields: the server refuses any other kind.
  const res = await fetch(url, {
    method,
    headers: {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: method === 'POST' ? JSON.stringify(options.body || {}) : undefined,
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok && !options.allowError) throw new Error(data.message || `The help desk answered ${res.status}`);
  return data;
}

function minutesSince(iso) {
  const min = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000));
  return min < 1 ? 'just now' : `${min} min`;
}

function teamName(id) {
  return state.directory.teams.find((t) => t.id === id)?.name || id || 'any team';
}

// ---------------------------------------------------------------- lists

// The desk's rule (README, Transfers): a chat transferred to another agent is theirs while they
// can take it (online, with a free chat slot); once they cannot, any agent may claim it.
function heldForOther(chat) {
  if (chat.status !== 'transferred' || !chat.agentId || chat.agentId === state.me?.id) return false;
  const target = state.directory.agents.find((a) => a.id === chat.agentId);
  return Boolean(target && target.availability === 'online' && target.activeChats < target.maxChats);
}

function chatItem(chat, kind) {
  const mineTeam = state.me?.teamIds.includes(chat.teamId);
  return el(
    'li',
    {
      'data-handoff': chat.handoffId,
      'data-status': chat.status,
      class: [
        state.selected === chat.handoffId ? 'selected' : '',
        state.reminded.has(chat.handoffId) ? 'reminded' : '',
      ].join(' '),
      onclick: () => select(chat.handoffId),
    },
    el(
      'div',
      { class: 'line1' },
      el('strong', {}, chat.requester.name),
      el(
        'span',
        { class: 'sub' },
        kind === 'queue' ? `waiting ${minutesSince(chat.waitingSince)}` : chat.status,
      ),
    ),
    el('div', { class: 'sub' }, `${chat.ticketNumber} · ${chat.ticketSubject || chat.reason}`),
    el(
      'div',
      { class: 'sub' },
      `${chat.requester.accountName} · ${teamName(chat.teamId)}${mineTeam ? ' (your team)' : ''}`,
      chat.position ? ` · #${chat.position} in line` : '',
      chat.status === 'transferred' ? ' · transferred' : '',
    ),
    kind === 'queue' && !heldForOther(chat)
      ? el(
          'button',
          {
            type: 'button',
            class: 'claim primary',
            onclick: (e) => {
              e.stopPropagation();
              void claim(chat.handoffId);
            },
          },
          'Claim',
        )
      : null,
  );
}

function renderLists() {
  $('queue').replaceChildren(...state.queue.map((c) => chatItem(c, 'queue')));
  $('mine').replaceChildren(
    ...state.mine.filter((c) => c.status === 'assigned').map((c) => chatItem(c, 'mine')),
  );
  $('queue-count').textContent = String(state.queue.length);
  $('mine-count').textContent = String(state.mine.filter((c) => c.status === 'assigned').length);
}

async function refreshLists() {
  // The directory too: who can take a chat transferred to them decides who may claim it.
  const [queue, mine, directory] = await Promise.all([api('/queue'), api('/chats'), api('/directory')]);
  state.queue = queue.chats;
  state.mine = mine.chats;
  state.directory = directory;
  renderLists();
  renderChatHead();
}

let refreshTimer = null;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshLists().catch((e) => toast(e.message, 'warn')), 80);
}

// ---------------------------------------------------------------- the open chat

// What the requester wrote that the bot, an agent or the help desk repeats in their own lines (the
// ticket's subject in a status card, the reason they gave, their messages, their name), when it
// reads as Markdown: only then does showing it as typed differ from formatting it.
function requesterWords() {
  const chat = state.chat;
  const typed = [...state.entries.values()].filter((e) => e.author === 'user').map((e) => e.text);
  const words = [
    chat?.ticketSubject,
    chat?.reason,
    chat?.requester.name,
    chat?.requester.accountName,
    ...typed,
  ];
  return words.filter((w) => typeof w === 'string' && rich(w).children.length > 0);
}

// A line's Markdown as formatting, but the requester's words in it as typed: a subject written as
// "[Reset password](https://…)" is no link with a hidden target in an agent's or the bot's line.
function richAround(text, typed) {
  const out = document.createDocumentFragment();
  let rest = text;
  for (;;) {
    let at = -1;
    let found = '';
    for (const words of typed) {
      const i = rest.indexOf(words);
      if (i >= 0 && (at < 0 || i < at || (i === at && words.length > found.length))) {
        at = i;
        found = words;
      }
    }
    if (at < 0) break;
    out.append(rich(rest.slice(0, at)), found);
    rest = rest.slice(at + found.length);
  }
  out.append(rich(rest));
  return out;
}

function entryNode(entry) {
  const who =
    entry.author === 'note' ? `${entry.authorName} · internal note` : entry.authorName || entry.author;
  return el(
    'li',
    { class: `entry ${entry.author}`, 'data-entry': String(entry.id) },
    el('span', { class: 'who' }, `${who} · ${new Date(entry.at).toLocaleTimeString()}`),
    // The user's words exactly as typed (as the chat page shows them: no hidden link targets);
    // the bot's and agents' Markdown as formatting, with the user's words in it as typed.
    entry.author === 'user' ? entry.text : richAround(entry.text, requesterWords()),
  );
}

function addEntries(entries) {
  const list = document.querySelector('#chat .transcript');
  if (!list) return;
  let added = false;
  for (const entry of entries) {
    if (state.entries.has(entry.id)) continue;
    state.entries.set(entry.id, entry);
    const node = entryNode(entry);
    const after = [...list.children].find((n) => Number(n.dataset.entry) > entry.id);
    list.insertBefore(node, after || null);
    added = true;
  }
  if (added) list.scrollTop = list.scrollHeight;
}

function renderChatHead() {
  const root = $('chat');
  const chat = state.chat;
  if (!chat) return;
  const mine = chat.status === 'assigned' && chat.agentId === state.me?.id;
  const claimable = (chat.status === 'pending' || chat.status === 'transferred') && !heldForOther(chat);
  root.querySelector('.requester').textContent = `${chat.requester.name} · ${chat.requester.accountName}`;
  root.querySelector('.meta').textContent =
    `${chat.ticketNumber} ${chat.ticketSubject} · ${teamName(chat.teamId)} · ${chat.status}` +
    (chat.status === 'pending' ? ` · waiting ${minutesSince(chat.waitingSince)}` : '');
  root.querySelector('.summary').textContent = chat.summary;
  root.querySelector('.reason').textContent = chat.reason ? `Asked: “${chat.reason}”` : '';
  root.querySelector('.claim').hidden = !claimable;
  root.querySelector('.close-chat').hidden = !mine;
  root.querySelector('.transfer').hidden = !mine;
  for (const c of root.querySelectorAll('.composer textarea, .composer button, .composer select'))
    c.disabled = !mine;
  root.querySelector('.as-note').disabled = false;
  root.querySelector('.reply-text').disabled = !mine && !root.querySelector('.as-note').checked;
  root.querySelector('.send').disabled = !mine && !root.querySelector('.as-note').checked;
}

function mountChat() {
  const root = $('chat');
  root.classList.remove('empty');
  root.replaceChildren($('chat-template').content.cloneNode(true));
  const canned = root.querySelector('.canned');
  for (const c of state.canned) canned.append(el('option', { value: c.name }, c.name));
  canned.addEventListener('change', () => {
    const reply = state.canned.find((c) => c.name === canned.value);
    if (reply) root.querySelector('.reply-text').value = reply.text;
    canned.value = '';
  });
  const target = root.querySelector('.transfer-target');
  for (const a of state.directory.agents.filter((x) => x.id !== state.me?.id)) {
    target.append(el('option', { value: `agent:${a.id}` }, `Agent: ${a.name} (${a.availability})`));
  }
  for (const t of state.directory.teams) {
    target.append(el('option', { value: `team:${t.id}` }, `Team: ${t.name}${t.open ? '' : ' (closed)'}`));
  }
  root.querySelector('.as-note').addEventListener('change', renderChatHead);
  root.querySelector('.claim').addEventListener('click', () => void claim(state.selected));
  root.querySelector('.close-chat').addEventListener('click', () => void closeChat());
  // Solution Offered goes to the user with the solution: the form asks for it first.
  root.querySelector('.ticket-status').addEventListener('change', (e) => {
    const offering = e.target.value === 'solution_offered';
    root.querySelector('.solution').hidden = !offering;
    if (offering) root.querySelector('.solution-text').focus();
    else void setStatus(e.target);
  });
  root.querySelector('.solution').addEventListener('submit', (e) => {
    e.preventDefault();
    void offerSolution();
  });
  root.querySelector('.solution-cancel').addEventListener('click', () => {
    root.querySelector('.solution').hidden = true;
    root.querySelector('.ticket-status').value = '';
  });
  root.querySelector('.composer').addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  root.querySelector('.reply-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
    }
  });
  root.querySelector('.transfer').addEventListener('submit', (e) => {
    e.preventDefault();
    void transfer();
  });
}

async function loadChat(handoffId) {
  const data = await api(`/chats/${encodeURIComponent(handoffId)}`);
  if (state.selected !== handoffId) return;
  state.chat = data.chat;
  renderChatHead();
  addEntries(data.transcript);
}

async function select(handoffId) {
  state.selected = handoffId;
  state.chat = null;
  state.entries.clear();
  state.reminded.delete(handoffId);
  mountChat();
  renderLists();
  await loadChat(handoffId).catch((e) => toast(e.message, 'warn'));
}

async function claim(handoffId) {
  const result = await api(`/chats/${encodeURIComponent(handoffId)}/claim`, {
    method: 'POST',
    allowError: true,
  });
  if (!result.ok) {
    toast(
      {
        taken: 'Another agent took this chat.',
        closed: 'This chat has ended.',
        'at-capacity': 'You are at your maximum of chats.',
        'not-found': 'No such chat.',
        'not-an-agent': 'Only agents can claim chats.',
      }[result.reason] ||
        result.message ||
        'Could not claim the chat.',
      'warn',
    );
    refreshSoon();
    return;
  }
  await refreshLists();
  await select(handoffId);
}

async function send() {
  const root = $('chat');
  const box = root.querySelector('.reply-text');
  const text = box.value.trim();
  if (!text || !state.selected) return;
  const asNote = root.querySelector('.as-note').checked;
  box.value = '';
  try {
    await api(`/chats/${encodeURIComponent(state.selected)}/${asNote ? 'note' : 'reply'}`, {
      method: 'POST',
      body: { text },
    });
  } catch (e) {
    box.value = text;
    toast(e.message, 'warn');
    return;
  }
  // Live events bring the entry; this catches up when the stream is reconnecting.
  const id = state.selected;
  setTimeout(() => {
    if (state.selected === id) void loadChat(id).catch(() => undefined);
  }, 1500);
}

async function setStatus(select) {
  if (!select.value || !state.selected) return;
  try {
    await api(`/chats/${encodeURIComponent(state.selected)}/status`, {
      method: 'POST',
      body: { status: select.value },
    });
    toast(`Ticket status set to ${select.selectedOptions[0].textContent}.`);
  } catch (e) {
    toast(e.message, 'warn');
  }
  select.value = '';
}

async function offerSolution() {
  const root = $('chat');
  const box = root.querySelector('.solution-text');
  const solution = box.value.trim();
  if (!solution || !state.selected) {
    toast('Write the solution for the user first.', 'warn');
    box.focus();
    return;
  }
  let answer;
  try {
    answer = await api(`/chats/${encodeURIComponent(state.selected)}/status`, {
      method: 'POST',
      body: { status: 'solution_offered', solution },
    });
  } catch (e) {
    toast(e.message, 'warn');
    return;
  }
  // The same solution sent again (a double click) is not sent twice; the notice says so.
  toast(answer.notice || 'Ticket status set to Solution Offered; the user gets the solution with it.');
  box.value = '';
  root.querySelector('.solution').hidden = true;
  root.querySelector('.ticket-status').value = '';
}

async function transfer() {
  const root = $('chat');
  const [kind, id] = root.querySelector('.transfer-target').value.split(':');
  const note = root.querySelector('.transfer-note').value;
  try {
    await api(`/chats/${encodeURIComponent(state.selected)}/transfer`, {
      method: 'POST',
      body: kind === 'agent' ? { agentId: id, note } : { teamId: id, note },
    });
    toast('Chat transferred.');
  } catch (e) {
    toast(e.message, 'warn');
  }
  refreshSoon();
  await loadChat(state.selected).catch(() => undefined);
}

async function closeChat() {
  try {
    await api(`/chats/${encodeURIComponent(state.selected)}/close`, { method: 'POST' });
  } catch (e) {
    toast(e.message, 'warn');
  }
  refreshSoon();
  await loadChat(state.selected).catch(() => undefined);
}

// ---------------------------------------------------------------- live events

function onDeskEvent(type, event) {
  const chatId = event.chat?.handoffId;
  switch (type) {
    case 'user-message':
    case 'agent-message':
      if (chatId === state.selected) addEntries([event.entry]);
      return;
    case 'reminder':
      if (event.agentId === state.me?.id) {
        state.reminded.add(chatId);
        toast(`${event.chat.requester.name} is waiting for your answer.`, 'warn');
        renderLists();
      }
      return;
    case 'availability':
      if (event.agentId === state.me?.id) $('availability').value = event.availability;
      // Another agent going away or offline may open the chats transferred to them to anyone.
      refreshSoon();
      return;
    default:
      if (type === 'queued') toast(`New chat: ${event.chat.requester.name}`);
      if (type === 'closed' && chatId === state.selected && event.by === 'user')
        toast('The user ended the chat.');
      refreshSoon();
      if (chatId === state.selected) {
        state.chat = event.chat;
        renderChatHead();
      }
  }
}

// The live dot: what the agent sees of the event stream.
const liveStates = {
  on: 'Live updates',
  reconnecting: 'Reconnecting to live updates…',
  off: 'Live updates lost; retrying in {seconds} s',
};

function showLive(kind, seconds = 0) {
  $('live').className = `live ${kind}`;
  $('live').title = liveStates[kind].replace('{seconds}', String(seconds));
}

// A browser's EventSource retries by itself after a dropped connection, but gives up for
// good when the server answers anything but 200 (an instance shutting down answers 503, a
// proxy 502). The console then starts a new stream itself: after 1 s, doubling up to 30 s,
// with jitter so that every console does not come back at the same moment.
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;
let retryMs = RETRY_FIRST_MS;
let retryTimer = null;

function connect() {
  clearTimeout(retryTimer);
  const url = `/agent/api/events?agent=${encodeURIComponent(agentId)}${token ? `&token=${encodeURIComponent(token)}` : ''}`;
  const source = new EventSource(url);
  source.addEventListener('hello', () => {
    retryMs = RETRY_FIRST_MS;
    showLive('on');
    // Whatever happened while the stream was down: the lists and the open chat are read again
    // (entries already shown are not added twice).
    refreshSoon();
    if (state.selected) void loadChat(state.selected).catch(() => undefined);
  });
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED) {
      showLive('reconnecting');
      return;
    }
    source.close();
    const wait = Math.round(retryMs * (0.75 + Math.random() * 0.5));
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    showLive('off', Math.ceil(wait / 1000));
    retryTimer = setTimeout(connect, wait);
  });
  for (const type of [
    'queued',
    'claimed',
    'user-message',
    'agent-message',
    'transferred',
    'closed',
    'availability',
    'reminder',
  ]) {
    source.addEventListener(type, (e) => onDeskEvent(type, JSON.parse(e.data)));
  }
}

// ---------------------------------------------------------------- start

async function start() {
  if (!agentId) {
    $('sign-in').hidden = false;
    $('sign-in').addEventListener('submit', (e) => {
      e.preventDefault();
      const id = $('sign-in-id').value.trim();
      if (!id) return;
      localStorage.setItem('hd-agent', id);
      location.search = `?agent=${encodeURIComponent(id)}`;
    });
    return;
  }
  try {
    const me = await api('/me');
    state.me = me.agent;
  } catch (e) {
    localStorage.removeItem('hd-agent');
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = e.message;
    return;
  }
  localStorage.setItem('hd-agent', agentId);
  $('me').textContent = state.me.name;
  const availability = $('availability');
  availability.value = state.me.availability;
  availability.disabled = false;
  availability.addEventListener('change', async () => {
    try {
      const res = await api('/availability', { method: 'POST', body: { availability: availability.value } });
      state.me = res.agent;
    } catch (e) {
      toast(e.message, 'warn');
    }
  });
  state.canned = (await api('/canned')).replies;
  $('desk').hidden = false;
  // Reads the queue, the agent's chats and the directory.
  await refreshLists();
  connect();
  // A slow safety net: the stream may drop events while reconnecting.
  setInterval(() => {
    void refreshLists().catch(() => undefined);
    if (state.selected) void loadChat(state.selected).catch(() => undefined);
  }, 15000);
}

void start();
