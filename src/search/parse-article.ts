import { isAskedLine, takeAskedLine } from './asked-line.js';
import { DocLoadError } from './doc-load-error.js';
import type { DocArticle, DocSection } from './doc-section.js';
import { markdownToText } from './markdown-to-text.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { AnchorAllocator } from './section-anchor.js';
import { splitSections } from './split-sections.js';

/** `${baseUrl}/<slug>#<anchor>`, or without `#` for the article top. */
export function deepLink(baseUrl: string, slug: string, anchor: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return anchor ? `${base}/${slug}#${anchor}` : `${base}/${slug}`;
}

/**
 * Parses one Markdown article into its sections. `file` is the path relative
 * to the docs folder; its folder names the category when the front matter has none.
 * @throws {DocLoadError} for bad front matter, a bad asked line or an article without text.
 */
export function parseArticle(file: string, source: string, baseUrl: string): DocArticle {
  const { frontMatter, body, bodyLine } = parseFrontMatter(file, source);
  const fileName = file.split('/').pop() ?? file;
  const slug = frontMatter.slug ?? fileName.replace(/\.md$/i, '').toLowerCase();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new DocLoadError(
      file,
      1,
      `no valid slug: add "slug:" to the front matter (file name gives "${slug}")`,
    );
  }
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')).split('/').pop() : undefined;
  const category = frontMatter.category ?? (folder ? folder.replace(/[-_]+/g, ' ') : '');
  const article: DocArticle = {
    slug,
    title: frontMatter.title,
    audience: frontMatter.audience,
    category,
    tags: frontMatter.tags,
    file,
    sections: [],
  };

  const anchors = new AnchorAllocator();
  const raw = splitSections(body);
  // An h1 repeating the title at the top belongs to the intro rather than being a section of its own.
  const first = raw[1];
  if (first?.level === 1 && raw[0]!.lines.every((l) => l.trim() === '' || isAskedLine(l))) {
    raw[0]!.lines.push(...first.lines);
    raw[0]!.lineNumbers.push(...first.lineNumbers);
    raw.splice(1, 1);
  }
  for (const part of raw) {
    // Anchors are handed out for every heading, empty ones too, so they match the rendered article.
    const anchor = part.level === 0 ? '' : anchors.next(part.heading);
    const { asked, lines } = takeAskedLine(
      file,
      part.lines,
      part.lineNumbers.map((n) => bodyLine + n),
    );
    const { text, prose, code } = markdownToText(lines);
    if (text === '') continue;
    const section: DocSection = {
      id: `${slug}#${anchor}`,
      slug,
      anchor,
      articleTitle: article.title,
      heading: part.level === 0 ? article.title : part.heading,
      audience: article.audience,
      category,
      tags: article.tags,
      text,
      prose,
      code,
      asked,
      url: deepLink(baseUrl, slug, anchor),
    };
    if (part.parentHeading) section.parentHeading = part.parentHeading;
    article.sections.push(section);
  }
  if (article.sections.length === 0) throw new DocLoadError(file, bodyLine, 'the article has no text');
  return article;
}
