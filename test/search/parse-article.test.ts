import { describe, expect, it } from 'vitest';
import { DocLoadError } from '../../src/search/doc-load-error.js';
import { parseArticle } from '../../src/search/parse-article.js';

const BASE = 'https://help.example.com/articles';
const article = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n${body}`;
const GOOD =
  'title: Create a ticket\nslug: create-a-ticket\naudience: all\ncategory: Getting support\ntags: [tickets, help]';

describe('parseArticle', () => {
  it('cuts the article into an intro and h2/h3 sections with anchors and deep links', () => {
    const parsed = parseArticle(
      'support/create.md',
      article(
        GOOD,
        'Intro text.\n\n## Before you start\nHave the ID.\n### Sub heading\nMore.\n## Before you start\nAgain.',
      ),
      `${BASE}/`,
    );
    expect(parsed.sections.map((s) => [s.id, s.heading, s.url])).toEqual([
      ['create-a-ticket#', 'Create a ticket', `${BASE}/create-a-ticket`],
      ['create-a-ticket#before-you-start', 'Before you start', `${BASE}/create-a-ticket#before-you-start`],
      ['create-a-ticket#sub-heading', 'Sub heading', `${BASE}/create-a-ticket#sub-heading`],
      [
        'create-a-ticket#before-you-start-2',
        'Before you start',
        `${BASE}/create-a-ticket#before-you-start-2`,
      ],
    ]);
    expect(parsed.sections[2]?.parentHeading).toBe('Before you start');
    expect(parsed.sections[0]).toMatchObject({
      audience: 'all',
      category: 'Getting support',
      tags: ['tickets', 'help'],
    });
  });

  it('turns Markdown into plain text: tables, links, emphasis, code fences', () => {
    const body = [
      '## Fields',
      '| Field | What to enter |',
      '|---|---|',
      '| **Subject** | At most 140 characters, see [limits](https://x.io/l). |',
      '```',
      '## not a heading',
      '```',
    ].join('\n');
    const [section] = parseArticle('a.md', article(GOOD, body), BASE).sections;
    expect(section?.anchor).toBe('fields');
    expect(section?.text).toBe(
      'Field · What to enter\nSubject · At most 140 characters, see limits.\n## not a heading',
    );
  });

  it('skips an empty intro and empty sections but keeps their anchors numbered', () => {
    const parsed = parseArticle('a.md', article(GOOD, '## Setup\n## Setup\nText.'), BASE);
    expect(parsed.sections.map((s) => s.id)).toEqual(['create-a-ticket#setup-2']);
  });

  it('takes the slug from the file name when the front matter has none', () => {
    const parsed = parseArticle('x/My-Article.md', article('title: T\naudience: brand', 'Text.'), BASE);
    expect(parsed.slug).toBe('my-article');
    expect(parsed.category).toBe('x');
  });

  it.each([
    ['no front matter', 'Just text', 1, /front matter missing/],
    ['unclosed front matter', '---\ntitle: T\n', 1, /not closed/],
    ['bad YAML', '---\ntitle: T\naudience: [brand\n---\nText', 3, /bad front matter/],
    [
      'unknown audience',
      '---\ntitle: T\ncategory: C\naudience: everyone\n---\nText',
      4,
      /audience must be one of/,
    ],
    ['missing title', '---\naudience: all\n---\nText', 2, /needs a title/],
    ['bad tags', '---\ntitle: T\naudience: all\ntags: {a: 1}\n---\nText', 4, /tags must be a list/],
    ['bad slug', '---\ntitle: T\nslug: Not A Slug\naudience: all\n---\nText', 3, /slug must be/],
    ['no text', '---\ntitle: T\naudience: all\n---\n\n', 5, /no text/],
  ])('reports %s with file and line', (_name, source, line, reason) => {
    let error: unknown;
    try {
      parseArticle('docs/x.md', source, BASE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocLoadError);
    expect((error as DocLoadError).line).toBe(line);
    expect((error as DocLoadError).message).toMatch(new RegExp(`^docs/x\\.md:${line}: `));
    expect((error as DocLoadError).message).toMatch(reason);
  });
});
