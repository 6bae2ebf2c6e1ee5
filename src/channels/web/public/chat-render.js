// The bot's neutral replies as nodes of the chat page (text, notice, card, choices, list, form).
import { el, rich } from './dom.js';

/**
 * A reply's message node. `press(event, action)` runs when a button is pressed or a form sent;
 * `authorLabel(author)` names who a proactive message is from (an agent, an update).
 */
export function replyNode(r, author, { press, authorLabel }) {
  const cls = `msg ${author}${r.type === 'notice' ? ` notice ${r.level}` : ''}`;
  return el(
    'div',
    // Each message takes its direction from its own text: Arabic or Hebrew reads right to left.
    { class: cls, 'data-type': r.type, dir: 'auto' },
    author !== 'bot' ? el('div', { class: 'author' }, authorLabel(author)) : null,
    replyBody(r, press),
  );
}

/** What the user sent, as their bubble. */
export function userNode(text) {
  return el('div', { class: 'msg user', dir: 'auto' }, text);
}

function replyBody(r, press) {
  switch (r.type) {
    case 'text':
    case 'notice':
      return rich(r.text);
    case 'card':
      return card(r, press);
    case 'choices':
      return el('div', {}, rich(r.prompt), actionButtons(r.choices, press));
    case 'list':
      return el(
        'div',
        {},
        el('strong', {}, r.title),
        r.items.map((c) => card(c, press)),
        r.actions?.length ? actionButtons(r.actions, press) : null,
      );
    case 'form':
      return form(r, press);
    default:
      return JSON.stringify(r);
  }
}

function actionButtons(actions, press) {
  return el(
    'div',
    { class: 'actions' },
    actions.map((a) =>
      a.url
        ? el('a', { href: a.url, target: '_blank', rel: 'noopener' }, a.label)
        : el('button', { type: 'button', class: a.style || '', onclick: (e) => press(e, a) }, a.label),
    ),
  );
}

function card(c, press) {
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
    c.actions?.length ? actionButtons(c.actions, press) : null,
  );
}

function formControl(input) {
  if (input.kind === 'textarea') return el('textarea', { name: input.id, rows: '4' });
  if (input.kind === 'select') {
    return el(
      'select',
      { name: input.id },
      el('option', { value: '' }, '—'),
      input.options.map((o) => el('option', { value: o.value }, o.label)),
    );
  }
  if (input.kind === 'toggle') return el('input', { type: 'checkbox', name: input.id });
  return el('input', {
    name: input.id,
    type: 'text',
    inputmode: input.kind === 'number' ? 'numeric' : 'text',
  });
}

function form(f, press) {
  const node = el('form', { class: 'bot-form', 'data-form': f.id }, el('strong', {}, f.title));
  for (const input of f.inputs) {
    const control = formControl(input);
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
            onclick: i === 0 ? null : (e) => press(e, a),
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
    press(e, { label: f.submit.label, value: { ...f.submit.value, form: values } });
  });
  return node;
}
