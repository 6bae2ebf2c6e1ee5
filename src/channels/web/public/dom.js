// DOM helpers shared by the chat page and the agent console (served at /static/dom.js).

/** An element with attributes (on* become listeners; null, undefined and false are left out) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** Renders the bot's small markdown subset (**bold**, _italic_, [label](url)) as nodes; never as HTML. */
export function rich(text) {
  const source = String(text);
  const out = document.createDocumentFragment();
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|(?<![\w])_(.+?)_(?![\w])/g;
  let last = 0;
  for (const m of source.matchAll(pattern)) {
    out.append(source.slice(last, m.index));
    if (m[1] !== undefined) out.append(el('strong', {}, m[1]));
    else if (m[2] !== undefined) out.append(el('a', { href: m[3], target: '_blank', rel: 'noopener' }, m[2]));
    else out.append(el('em', {}, m[4]));
    last = m.index + m[0].length;
  }
  out.append(source.slice(last));
  return out;
}
