import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { DocLoadError } from './doc-load-error.js';
import type { DocAudience } from './doc-section.js';

export interface FrontMatter {
  title: string;
  slug: string | undefined;
  audience: DocAudience;
  category: string | undefined;
  tags: string[];
}

export interface SplitArticle {
  frontMatter: FrontMatter;
  body: string;
  /** 1-based line number of the first body line, for error messages. */
  bodyLine: number;
}

const AUDIENCES: readonly DocAudience[] = ['brand', 'partner', 'all'];

/**
 * Separates and validates the YAML front matter of an article.
 * @throws {DocLoadError} naming the file and line of the problem.
 */
export function parseFrontMatter(file: string, source: string): SplitArticle {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---')
    throw new DocLoadError(file, 1, 'front matter missing: the file must start with ---');
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new DocLoadError(file, 1, 'front matter not closed: no second --- line');

  const lineCounter = new LineCounter();
  const yamlText = lines.slice(1, end).join('\n');
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Front matter line n is file line n + 1 (after the opening ---).
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line + 1;
  const firstError = doc.errors[0];
  if (firstError)
    throw new DocLoadError(file, lineAt(firstError.pos[0]), `bad front matter: ${firstError.message}`);
  if (!isMap(doc.contents)) throw new DocLoadError(file, 2, 'front matter must be key: value pairs');

  const map = doc.contents;
  const keyLine = (key: string) => {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    return lineAt(isScalar(pair?.key) ? pair.key.range?.[0] : undefined);
  };
  const data = doc.toJS() as Record<string, unknown>;
  const fail = (key: string, reason: string): never => {
    throw new DocLoadError(file, map.has(key) ? keyLine(key) : 2, reason);
  };

  const title = data.title;
  if (typeof title !== 'string' || title.trim() === '') fail('title', 'front matter needs a title (text)');
  const audience = data.audience;
  if (typeof audience !== 'string' || !AUDIENCES.includes(audience as DocAudience)) {
    fail(
      'audience',
      `audience must be one of ${AUDIENCES.join(', ')} (got ${JSON.stringify(audience ?? null)})`,
    );
  }
  const slug = data.slug;
  if (slug !== undefined && (typeof slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))) {
    fail('slug', `slug must be lower-case letters, digits and single hyphens (got ${JSON.stringify(slug)})`);
  }
  const category = data.category;
  if (category !== undefined && typeof category !== 'string') fail('category', 'category must be text');
  const tags = parseTags(data.tags, () =>
    fail('tags', 'tags must be a list of words, e.g. [tickets, support]'),
  );

  return {
    frontMatter: {
      title: (title as string).trim(),
      slug: slug as string | undefined,
      audience: audience as DocAudience,
      category: (category as string | undefined)?.trim(),
      tags,
    },
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

function parseTags(value: unknown, fail: () => never): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (!Array.isArray(value)) return fail();
  return value.map((tag) =>
    typeof tag === 'string' || typeof tag === 'number' ? String(tag).trim() : fail(),
  );
}
