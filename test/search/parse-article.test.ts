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

  it('takes asked lines out of the intro and the sections and keeps their phrasings', () => {
    const body = [
      '<!-- asked: how do i open a ticket | where do i report a problem -->',
      'Intro text.',
      '## Before you start',
      '<!-- asked: what do i need before asking for help|which ids should i have ready | what info to include -->',
      'Have the ID.',
      '## Send it',
      '',
      '<!--   ASKED:   who reads my ticket  -->',
      'Support reads it.',
      '## No phrasings here',
      'Just text.',
    ].join('\n');
    const parsed = parseArticle('a.md', article(GOOD, body), BASE);
    expect(parsed.sections.map((s) => [s.anchor, s.text, s.asked])).toEqual([
      ['', 'Intro text.', ['how do i open a ticket', 'where do i report a problem']],
      [
        'before-you-start',
        'Have the ID.',
        ['what do i need before asking for help', 'which ids should i have ready', 'what info to include'],
      ],
      ['send-it', 'Support reads it.', ['who reads my ticket']],
      ['no-phrasings-here', 'Just text.', []],
    ]);
  });

  it('keeps the asked line of an intro that starts with an h1 repeating the title', () => {
    const body = '<!-- asked: how do i open a ticket -->\n# Create a ticket\nIntro text.\n## Steps\nDo it.';
    const parsed = parseArticle('a.md', article(GOOD, body), BASE);
    expect(parsed.sections.map((s) => [s.anchor, s.text, s.asked])).toEqual([
      ['', 'Intro text.', ['how do i open a ticket']],
      ['steps', 'Do it.', []],
    ]);
  });

  it('drops the asked line of a section without text together with the section', () => {
    const body = '## Empty\n<!-- asked: anything -->\n## Full\nText.';
    const parsed = parseArticle('a.md', article(GOOD, body), BASE);
    expect(parsed.sections.map((s) => [s.id, s.asked])).toEqual([['create-a-ticket#full', []]]);
  });

  it('never lets HTML comments reach the text: inline, whole lines, over several lines, in headings', () => {
    const body = [
      'Intro <!-- writer note --> text.',
      '<!-- a note on its own line -->',
      'More intro.',
      '<!-- a note',
      '## not a heading inside a comment',
      'still the note -->',
      'After the note.',
      '## Setup <!-- renamed in May -->',
      'Steps.',
      '```',
      '<!-- comments in code stay: they are code -->',
      '```',
    ].join('\n');
    const parsed = parseArticle('a.md', article(GOOD, body), BASE);
    expect(parsed.sections.map((s) => [s.anchor, s.heading, s.text])).toEqual([
      ['', 'Create a ticket', 'Intro  text.\nMore intro.\nAfter the note.'],
      ['setup', 'Setup', 'Steps.\n<!-- comments in code stay: they are code -->'],
    ]);
    expect(parsed.sections.every((s) => s.asked.length === 0)).toBe(true);
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
    [
      'an asked line with no phrasings',
      '---\ntitle: T\naudience: all\n---\n## A\n<!-- asked: -->\nText',
      6,
      /lists no phrasings/,
    ],
    [
      'an asked line of blanks',
      '---\ntitle: T\naudience: all\n---\n<!-- asked:  |  -->\nText',
      5,
      /phrasing 1 .*is empty/,
    ],
    [
      'an empty phrasing',
      '---\ntitle: T\naudience: all\n---\nIntro.\n## A\n<!-- asked: a | | b -->\nText',
      7,
      /phrasing 2 .*is empty/,
    ],
    [
      'a trailing separator',
      '---\ntitle: T\naudience: all\n---\n## A\n<!-- asked: a | b | -->\nText',
      6,
      /phrasing 3 .*is empty/,
    ],
    [
      'an unclosed asked line',
      '---\ntitle: T\naudience: all\n---\n## A\n<!-- asked: a | b\nText',
      6,
      /on one line/,
    ],
    [
      'an asked line without colon',
      '---\ntitle: T\naudience: all\n---\n## A\n<!-- asked a | b -->\nText',
      6,
      /on one line/,
    ],
    [
      'an asked line inside the text',
      '---\ntitle: T\naudience: all\n---\n## A\nText.\n<!-- asked: a | b -->',
      7,
      /right under its heading/,
    ],
    [
      'a second asked line',
      '---\ntitle: T\naudience: all\n---\n## A\n<!-- asked: a -->\n<!-- asked: b -->\nText',
      7,
      /right under its heading/,
    ],
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
