import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMarkdownDocs } from '../../src/search/load-markdown-docs.js';
import type { SearchLogger } from '../../src/search/search-logger.js';

const article = (title: string) =>
  `---\ntitle: ${title}\naudience: all\n---\n# ${title}\n\nAbout ${title}.\n`;
const OPTS = { baseUrl: 'https://help.example.com/articles' };

function recordingLogger(): SearchLogger & { lines: Array<[string, string | undefined]> } {
  const lines: Array<[string, string | undefined]> = [];
  return {
    lines,
    info: (_d, m) => lines.push(['info', m]),
    warn: (_d, m) => lines.push(['warn', m]),
    error: (_d, m) => lines.push(['error', m]),
  };
}

describe('loadMarkdownDocs with symbolic links', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'help-docs-links-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('loads a Kubernetes ConfigMap mount (each article a link into ..data/) once per article', async () => {
    const docs = join(root, 'docs');
    const version = join(docs, '..2026_01_02_03_04_05.123456789');
    await mkdir(version, { recursive: true });
    await writeFile(join(version, 'pixel.md'), article('Tracking pixel'));
    await writeFile(join(version, 'payouts.md'), article('Payouts'));
    await symlink('..2026_01_02_03_04_05.123456789', join(docs, '..data'));
    await symlink('..data/pixel.md', join(docs, 'pixel.md'));
    await symlink('..data/payouts.md', join(docs, 'payouts.md'));
    const logger = recordingLogger();
    const loaded = await loadMarkdownDocs(docs, { ...OPTS, logger });
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.map((a) => a.slug).sort()).toEqual(['payouts', 'pixel']);
    expect(logger.lines.filter(([level]) => level !== 'info')).toEqual([]);
  });

  it('follows a linked folder, survives a link loop and a broken link, and loads each file once', async () => {
    const docs = join(root, 'docs');
    const shared = join(root, 'shared-guides');
    await mkdir(docs);
    await mkdir(shared);
    await writeFile(join(shared, 'invoices.md'), article('Invoices'));
    await writeFile(join(docs, 'tickets.md'), article('Tickets'));
    await symlink(shared, join(docs, 'guides'));
    await symlink('..', join(shared, 'back-up'));
    await symlink(join(root, 'missing.md'), join(docs, 'gone.md'));
    const logger = recordingLogger();
    const loaded = await loadMarkdownDocs(docs, { ...OPTS, logger });
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.map((a) => a.slug).sort()).toEqual(['invoices', 'tickets']);
    expect(logger.lines.some(([level, m]) => level === 'warn' && /gone\.md/.test(m ?? ''))).toBe(true);
  });

  it('warns when the docs folder yields no articles', async () => {
    const docs = join(root, 'empty');
    await mkdir(docs);
    await writeFile(join(docs, 'README.md'), '# Not an article\n');
    const logger = recordingLogger();
    const loaded = await loadMarkdownDocs(docs, { ...OPTS, logger });
    expect(loaded.articles).toEqual([]);
    expect(logger.lines).toContainEqual(['warn', expect.stringMatching(/no help articles/i)]);
  });
});
