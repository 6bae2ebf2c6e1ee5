import { type FSWatcher, watch } from 'node:fs';
import type { SearchLogger } from './search-logger.js';

/**
 * Calls `onChange` once the docs folder has been quiet for `debounceMs` after
 * a change (editors write a file in several steps). Returns a stop function.
 */
export function watchDocs(
  docsDir: string,
  onChange: () => void,
  opts: { debounceMs?: number; logger: SearchLogger },
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    // Not persistent: watching must never keep a finished process alive.
    watcher = watch(docsDir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, opts.debounceMs ?? 300);
      timer.unref();
    });
    watcher.on('error', (error) =>
      opts.logger.warn({ err: String(error), docsDir }, 'help docs watcher failed'),
    );
  } catch (error) {
    opts.logger.warn({ err: String(error), docsDir }, 'cannot watch the help docs folder');
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
