/** A line with its HTML comments taken out, and whether a comment is still open at its end. */
export interface CommentFreeLine {
  text: string;
  inComment: boolean;
}

/**
 * Removes `<!-- ... -->` from one line of Markdown. `inComment` says whether
 * a comment opened on an earlier line is still open, so comments spanning
 * several lines are removed too. Comments are notes for writers (and the
 * search's asked lines): never text for readers.
 */
export function removeHtmlComments(line: string, inComment: boolean): CommentFreeLine {
  let text = '';
  let rest = line;
  let open = inComment;
  for (;;) {
    if (open) {
      const end = rest.indexOf('-->');
      if (end < 0) return { text, inComment: true };
      rest = rest.slice(end + 3);
      open = false;
    } else {
      const start = rest.indexOf('<!--');
      if (start < 0) return { text: text + rest, inComment: false };
      text += rest.slice(0, start);
      rest = rest.slice(start + 4);
      open = true;
    }
  }
}
