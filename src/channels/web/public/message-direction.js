// Each message in the chat log takes its direction from its own text (dir="auto"): Arabic or
// Hebrew reads right to left, with its punctuation and numbers where its reader expects them.

const log = document.getElementById('log');

new MutationObserver((changes) => {
  for (const change of changes)
    for (const node of change.addedNodes)
      if (node instanceof HTMLElement && node.classList.contains('msg') && !node.hasAttribute('dir'))
        node.setAttribute('dir', 'auto');
}).observe(log, { childList: true });
