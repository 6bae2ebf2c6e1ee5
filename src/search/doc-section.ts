/** Who an article is written for; `all` articles are shown to both kinds of user. */
export type DocAudience = 'brand' | 'partner' | 'all';

/** The audience of the person asking: brand users see brand + all, partner users partner + all. */
export type SearchAudience = 'brand' | 'partner';

/** One searchable section of a help article (the intro or an h2/h3 section). */
export interface DocSection {
  /** `<slug>#<anchor>`; `<slug>#` for the intro. */
  id: string;
  slug: string;
  /** `''` for the intro (the article top). */
  anchor: string;
  articleTitle: string;
  /** The section heading; the article title for the intro. */
  heading: string;
  audience: DocAudience;
  category: string;
  tags: string[];
  /** Plain text of the section (Markdown syntax removed, line breaks kept): what the user is shown. */
  text: string;
  /** `text` without the code samples: indexed as the section's body. */
  prose: string;
  /**
   * The code samples of the section (fenced blocks), one per
   * line: identifiers, parameter values and markup, indexed apart at a low weight.
   */
  code: string;
  /**
   * How users ask for what the section answers, from the section's
   * `<!-- asked: ... | ... -->` line: searched, never shown. Empty when it has none.
   */
  asked: string[];
  /** Deep link: `${baseUrl}/<slug>#<anchor>` (no `#` for the intro). */
  url: string;
  /** For h3 sections: the heading of the h2 section they belong to. */
  parentHeading?: string;
}

/** A parsed help article before it is cut into sections. */
export interface DocArticle {
  slug: string;
  title: string;
  audience: DocAudience;
  category: string;
  tags: string[];
  /** Path relative to the docs folder, for error messages. */
  file: string;
  sections: DocSection[];
}
