import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const chat = docs.sections.find((s) => s.id === 'chat-live-with-support#start-a-chat-in-slack-or-teams');
    expect(chat?.asked).toEqual(['how do i escalate my problem to staff', 'can the bot hand me over']);
    expect(chat?.text).toBe('Type talk to a human in a direct message with the bot.');
  });

  it('changes the content hash when only an asked line changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'help-docs-hash-'));
    try {
      await cp(fixture('docs'), dir, { recursive: true });
      const opts = { baseUrl: 'https://help.example.com/articles' };
      const before = await loadMarkdownDocs(dir, opts);
      const file = join(dir, 'getting-support', 'live-chat.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('| can the bot hand me over', ''));
      const after = await loadMarkdownDocs(dir, opts);
      expect(after.errors).toEqual([]);
      expect(after.sections.map((s) => s.text)).toEqual(before.sections.map((s) => s.text));
      expect(after.contentHash).not.toBe(before.contentHash);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
      'bad-asked.md:10',
      'bad-audience.md:4',
      'bad-yaml.md:5',
      'no-front-matter.md:1',
      'z-duplicate-slug.md:1',
    ]);
    expect(logged).toHaveLength(5);
    expect(logged.join('\n')).toMatch(
      /z-duplicate-slug\.md:1: slug "a-good-article" is already used by good\.md/,
    );
    expect(logged.join('\n')).toMatch(/bad-asked\.md:10: phrasing 2 of the asked line is empty/);
  });
});
