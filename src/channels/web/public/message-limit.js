// The composer against the server's message limit (MAX_MESSAGE_CHARS, from GET /api/chat/page-setup):
// a longer message is refused whole and the page says how long it is, rather than cut by a maxlength.
import { pageLimits } from './chat-texts.js';

const NEAR_LIMIT = 0.9;

const composer = document.getElementById('composer');
const textInput = document.getElementById('text');
const note = document.getElementById('text-limit');
// Until the limits are read, nothing is refused here: the server refuses an over-long message itself.
let max = Number.POSITIVE_INFINITY;
pageLimits().then((limits) => {
  if (limits?.maxTextChars) max = limits.maxTextChars;
  showCount();
});

const number = (n) => n.toLocaleString('en');
const fill = (template, chars) => template.replace('{chars}', number(chars)).replace('{max}', number(max));
// The chat sends the text trimmed, and the server counts that.
const length = () => textInput.value.trim().length;

function show(text, over) {
  note.textContent = text;
  note.hidden = !text;
  note.classList.toggle('over', over);
  if (over) textInput.setAttribute('aria-invalid', 'true');
  else textInput.removeAttribute('aria-invalid');
}

/** While typing: a count once the text nears the limit, nothing before. */
function showCount() {
  const chars = length();
  show(chars >= max * NEAR_LIMIT ? fill(note.dataset.count, chars) : '', chars > max);
}

textInput.addEventListener('input', showCount);

// Capturing, so it runs before chat.js's submit listener and can keep the message from being sent.
composer.addEventListener(
  'submit',
  (event) => {
    const chars = length();
    if (chars <= max) {
      show('', false);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    show(fill(note.dataset.tooLong, chars), true);
    textInput.focus();
  },
  { capture: true },
);
