/** "open a ticket", "can you file a support case about", "new ticket:" … anywhere in the message. */
const CREATE_PHRASE =
  /\b(?:(?:can|could|would) you\s+|please\s+|pls\s+|i\s*(?:want|need|would like|'d like|wanna)(?:\s+to)?\s+|let'?s\s+|help me\s+)*(?:open|create|file|raise|log|submit|start|make|add|new)\s+(?:(?:a|an|new|another|support|help\s?desk|me)\s+)*(?:ticket|case|support request)s?\b(?:\s+(?:for me|please|pls))?(?:\s+(?:about|for|regarding|re|on|because|saying|that|with))?/gi;

/**
 * The words of the request that a typo may bend ("opne a tciket", "crate a tikcet"). Shorter
 * words ("log", "new", "a") are read only as typed: one slip makes another word of them.
 */
const REQUEST_WORDS = [
  'open',
  'create',
  'file',
  'raise',
  'submit',
  'start',
  'make',
  'ticket',
  'tickets',
  'case',
  'cases',
  'support',
  'request',
  'another',
  'please',
];

/**
 * The message without its request to open a ticket, typos in the request's words included:
 * "opne a tciket: the pixel stopped firing" gives "  the pixel stopped firing" (cleaned up by the caller),
 * "opne a tciket" gives "". The rest keeps the user's own spelling.
 */
export function withoutCreateRequest(text: string): string {
  const { fuzzy, toOriginal } = withRequestWordsSpelled(text);
  const spans = [...fuzzy.matchAll(CREATE_PHRASE)].map((m) => ({
    from: toOriginal[m.index]!,
    to: toOriginal[m.index + m[0].length]!,
  }));
  let rest = text;
  for (const { from, to } of spans.reverse()) rest = `${rest.slice(0, from)} ${rest.slice(to)}`;
  return rest;
}

/**
 * The text with each near miss of a request word spelled right, and for every offset of that
 * text (and its end) the offset in `text` it comes from.
 */
function withRequestWordsSpelled(text: string): { fuzzy: string; toOriginal: number[] } {
  let fuzzy = '';
  const toOriginal: number[] = [];
  let at = 0;
  const keep = (upTo: number) => {
    for (; at < upTo; at++) {
      toOriginal.push(at);
      fuzzy += text[at];
    }
  };
  for (const m of text.matchAll(/\p{L}+/gu)) {
    keep(m.index);
    const typed = m[0];
    const meant = REQUEST_WORDS.find((w) => isSlipOf(typed.toLowerCase(), w));
    if (!meant) {
      keep(m.index + typed.length);
      continue;
    }
    for (let i = 0; i < meant.length; i++) toOriginal.push(m.index + Math.min(i, typed.length));
    fuzzy += meant;
    at = m.index + typed.length;
  }
  keep(text.length);
  toOriginal.push(text.length);
  return { fuzzy, toOriginal };
}

/**
 * One slip away from `word` but not `word` itself: two neighbouring letters swapped ("opne"), or,
 * for a word of five letters or more, one letter missing, extra or wrong ("tiket", "crate").
 */
function isSlipOf(typed: string, word: string): boolean {
  if (typed === word) return false;
  if (typed.length === word.length && swapsTwoNeighbours(typed, word)) return true;
  return word.length >= 5 && oneEditApart(typed, word);
}

function swapsTwoNeighbours(a: string, b: string): boolean {
  const i = [...a].findIndex((ch, k) => ch !== b[k]);
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** One letter replaced, inserted or deleted. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length) return short.slice(i + 1) === long.slice(i + 1);
  return short.slice(i) === long.slice(i + 1);
}
