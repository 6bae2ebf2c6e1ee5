import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMarkdownDocs } from '../../src/search/load-markdown-docs.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('loadMarkdownDocs', () => {
  it('loads every article of the folder tree and ignores READMEs', async () => {
    const docs = await loadMarkdownDocs(fixture('docs'), { baseUrl: 'https://help.example.com/articles' });
    expect(docs.errors).toEqual([]);
    expect(docs.articles.map((a) => a.slug).sort()).toEqual([
      'brand-invoices',
      'chat-live-with-support',
      'create-a-support-ticket',
      'partner-payouts',
    ]);
    expect(docs.sections.map((s) => s.id)).toContain('partner-payouts#cafe-et-creme-accents-in-headings');
    expect(docs.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips bad articles with a logged error naming file and line, and keeps the good ones', async () => {
    const logged: string[] = [];
    const logger = {
      info() {},
      warn() {},
      error: (_d: object, message?: string) => logged.push(message ?? ''),
    };
    const docs = await loadMarkdownDocs(fixture('bad-docs'), { baseUrl: 'https://x', logger });
    expect(docs.articles.map((a) => a.file)).toEqual(['good.md']);
    expect(docs.errors.map((e) => `${e.file}:${e.line}`).sort()).toEqual([
      'bad-audience.md:4',
      'bad-yaml.md:5',
      'no-front-matter.md:1',
      'z-duplicate-slug.md:1',
    ]);
    expect(logged).toHaveLength(4);
    expect(logged.join('\n')).toMatch(
      /z-duplicate-slug\.md:1: slug "a-good-article" is already used by good\.md/,
    );
  });
});
