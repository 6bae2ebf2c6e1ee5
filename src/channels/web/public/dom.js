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

/** A backslash-escaped character of the bot's markdown (text a user typed, shown as typed). */
const ESCAPED = /\\([\\`*_~[\]])/g;
const unescaped = (text) => text.replace(ESCAPED, '$1');

// An escape is matched first, so a character it keeps literal opens or closes nothing; inside bold,
// italic and link labels an escaped pair is skipped whole.
const MARKDOWN =
  /\\([\\`*_~[\]])|\*\*((?:\\.|[^\\\n])+?)\*\*|\[((?:\\.|[^\\\]])+)\]\((https?:\/\/[^\s)]+)\)|(?<![\w])_((?:\\.|[^\\\n])+?)_(?![\w])/g;

/**
 * Renders the bot's small markdown subset (**bold**, _italic_, [label](url), and backslash escapes
 * such as \[ and \* for characters shown as typed) as nodes; never as HTML.
 */
export function rich(text) {
  const source = String(text);
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of source.matchAll(MARKDOWN)) {
    out.append(source.slice(last, m.index));
    if (m[1] !== undefined) out.append(m[1]);
    else if (m[2] !== undefined) out.append(el('strong', {}, unescaped(m[2])));
    else if (m[3] !== undefined)
      out.append(el('a', { href: m[4], target: '_blank', rel: 'noopener' }, unescaped(m[3])));
    else out.append(el('em', {}, unescaped(m[5])));
    last = m.index + m[0].length;
  }
  out.append(source.slice(last));
  return out;
}
