// The local web chat: posts to /api/chat, renders the bot's neutral replies,
// and polls for proactive messages (agent replies, ticket updates).
import { el, rich } from './dom.js';

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
let conversation = sessionStorage.getItem(`hd-conv-${user}`) || null;
let cursor = Number(sessionStorage.getItem(`hd-cursor-${user}`) || 0);
userInput.value = user;
localStorage.setItem('hd-user', user);

userInput.addEventListener('change', () => {
  user = userInput.value.trim() || user;
  localStorage.setItem('hd-user', user);
  resetChat();
});
document.getElementById('new-chat').addEventListener('click', resetChat);

function resetChat() {
  conversation = null;
  cursor = 0;
  sessionStorage.removeItem(`hd-conv-${user}`);
  log.replaceChildren();
}

function actionButtons(actions) {
  return el(
    'div',
    { class: 'actions' },
    actions.map((a) =>
      a.url
        ? el('a', { href: a.url, target: '_blank', rel: 'noopener' }, a.label)
        : el('button', { type: 'button', class: a.style || '', onclick: (e) => click(e, a) }, a.label),
    ),
  );
}

function card(c) {
  return el(
    'div',
    { class: 'card' },
    el('h3', {}, c.url ? el('a', { href: c.url, target: '_blank', rel: 'noopener' }, c.title) : c.title),
    c.subtitle ? el('div', { class: 'sub' }, rich(c.subtitle)) : null,
    c.body ? el('div', {}, rich(c.body)) : null,
    c.fields?.length
      ? el(
          'dl',
          {},
          c.fields.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, rich(f.value))]),
        )
      : null,
    c.actions?.length ? actionButtons(c.actions) : null,
  );
}

function form(f) {
  const node = el('form', { class: 'bot-form', 'data-form': f.id }, el('strong', {}, f.title));
  for (const input of f.inputs) {
    let control;
    if (input.kind === 'textarea') control = el('textarea', { name: input.id, rows: '4' });
    else if (input.kind === 'select') {
      control = el(
        'select',
        { name: input.id },
        el('option', { value: '' }, '—'),
        input.options.map((o) => el('option', { value: o.value }, o.label)),
      );
    } else if (input.kind === 'toggle') control = el('input', { type: 'checkbox', name: input.id });
    else
      control = el('input', {
        name: input.id,
        type: input.kind === 'number' ? 'text' : 'text',
        inputmode: input.kind === 'number' ? 'numeric' : 'text',
      });
    if (input.value !== undefined) {
      if (input.kind === 'toggle') control.checked = input.value === 'true';
      else control.value = input.value;
    }
    if (input.placeholder) control.placeholder = input.placeholder;
    if (input.maxLength) control.maxLength = input.maxLength;
    const error = f.errors?.[input.id];
    node.append(
      el(
        'label',
        {},
        input.label + (input.required ? ' *' : ''),
        control,
        error ? el('span', { class: 'error' }, error) : null,
      ),
    );
  }
  const buttons = [f.submit, ...(f.cancel ? [f.cancel] : [])];
  node.append(
    el(
      'div',
      { class: 'actions' },
      buttons.map((a, i) =>
        el(
          'button',
          {
            type: i === 0 ? 'submit' : 'button',
            class: i === 0 ? 'primary' : '',
            onclick: i === 0 ? null : (e) => click(e, a),
          },
          a.label,
        ),
      ),
    ),
  );
  node.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    for (const input of f.inputs) {
      const c = node.elements[input.id];
      values[input.id] = input.kind === 'toggle' ? String(c.checked) : c.value;
    }
    click(e, { label: f.submit.label, value: { ...f.submit.value, form: values } });
  });
  return node;
}

function renderReply(r, author = 'bot') {
  let body;
  switch (r.type) {
    case 'text':
      body = rich(r.text);
      break;
    case 'notice':
      body = rich(r.text);
      break;
    case 'card':
      body = card(r);
      break;
    case 'choices':
      body = el('div', {}, rich(r.prompt), actionButtons(r.choices));
      break;
    case 'list':
      body = el(
        'div',
        {},
        el('strong', {}, r.title),
        r.items.map(card),
        r.actions?.length ? actionButtons(r.actions) : null,
      );
      break;
    case 'form':
      body = form(r);
      break;
    default:
      body = JSON.stringify(r);
  }
  const cls = `msg ${author}${r.type === 'notice' ? ` notice ${r.level}` : ''}`;
  log.append(
    el(
      'div',
      { class: cls, 'data-type': r.type },
      author !== 'bot' ? el('div', { class: 'author' }, author === 'agent' ? 'Agent' : 'Update') : null,
      body,
    ),
  );
  log.scrollTop = log.scrollHeight;
}

function showUser(text) {
  log.append(el('div', { class: 'msg user' }, text));
  log.scrollTop = log.scrollHeight;
}

async function send(payload) {
  const res = await fetch('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders },
    body: JSON.stringify({ user, ...(conversation ? { conversation } : {}), ...payload }),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    renderReply({
      type: 'notice',
      level: 'error',
      text: data.message || `The help desk answered ${res.status}.`,
    });
    if (res.status === 404) resetChat();
    return;
  }
  conversation = data.conversation;
  sessionStorage.setItem(`hd-conv-${user}`, conversation);
  for (const r of data.replies) renderReply(r);
}

function click(event, action) {
  if (event.target && 'disabled' in event.target) event.target.disabled = true;
  showUser(action.label);
  void send({ text: '', value: action.value, id: crypto.randomUUID() });
}

async function readFiles() {
  const files = [...fileInput.files].slice(0, 5);
  fileInput.value = '';
  return Promise.all(
    files.map(async (f) => ({
      name: f.name,
      mimeType: f.type || 'application/octet-stream',
      contentBase64: btoa(String.fromCharCode(...new Uint8Array(await f.arrayBuffer()))),
    })),
  );
}

document.getElementById('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = textInput.value.trim();
  const attachments = fileInput.files.length ? await readFiles() : undefined;
  if (!text && !attachments) return;
  textInput.value = '';
  showUser(text || attachments.map((a) => `📎 ${a.name}`).join(', '));
  await send({ text, attachments, id: crypto.randomUUID() });
});

async function poll() {
  if (conversation) {
    try {
      const res = await fetch(
        `/api/chat/${encodeURIComponent(conversation)}/updates?user=${encodeURIComponent(user)}&after=${cursor}`,
        { headers: authHeaders },
      );
      if (res.ok) {
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
poll();
textInput.focus();
