import type { Responses } from '../../core/responses.js';
import type { SkippedDocFile } from '../../search/skipped-doc-file.js';

/** Files named in one chat message; the rest are counted (the log has them all). */
const MAX_FILES_LISTED = 10;
const MAX_REASON_CHARS = 200;

/** One line per skipped file: where, why (one short line) and whether its last good version is still served. */
export function skippedFilesText(t: Responses['t'], skipped: readonly SkippedDocFile[]): string {
  const lines = skipped.slice(0, MAX_FILES_LISTED).map((s) =>
    t(s.servedFromLastGood ? 'docs.reload_skipped_kept' : 'docs.reload_skipped_not_served', {
      file: s.file,
      line: s.line,
      reason: shortReason(s.reason),
    }),
  );
  const more = skipped.length - MAX_FILES_LISTED;
  if (more > 0) lines.push(t('docs.reload_skipped_more', { count: more }));
  return lines.join('\n');
}

/** The first line, without a final full stop (the message adds its own), cut to a chat line's length. */
function shortReason(reason: string): string {
  const first = (reason.split('\n')[0] ?? '').trim().replace(/\.$/, '');
  return first.length > MAX_REASON_CHARS ? `${first.slice(0, MAX_REASON_CHARS - 1)}…` : first;
}
