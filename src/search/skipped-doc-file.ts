/** A Markdown file of the docs folder that a reload could not load as an article. */
export interface SkippedDocFile {
  /** Path relative to the docs folder. */
  readonly file: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** Why, in one short line. */
  readonly reason: string;
  /** True when the article this file held at the last good load is still served in its place. */
  readonly servedFromLastGood: boolean;
}
