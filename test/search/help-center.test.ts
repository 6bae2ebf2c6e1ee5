import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type HelpCenter, loadHelpCenter } from '../../src/search/help-center.js';
import { NoArticlesLoadedError } from '../../src/search/no-articles-loaded-error.js';
import { DEFAULT_QUERY_OPTIONS } from '../../src/search/ranking-options.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/docs', import.meta.url));
const BASE = 'https://docs.example.org/kb';
const open: HelpCenter[] = [];
const temps: string[] = [];

async function tempCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'help-docs-'));
  temps.push(dir);
  await cp(FIXTURE, join(dir, 'docs'), { recursive: true });
  return dir;
}

function recordingLogger() {
  const lines: { level: string; details: object; message?: string }[] = [];
  const log = (level: string) => (details: object, message?: string) =>
    lines.push({ level, details, message });
  return { lines, logger: { info: log('info'), warn: log('warn'), error: log('error') } };
}

async function helpCenter(options: Partial<Parameters<typeof loadHelpCenter>[0]> = {}): Promise<HelpCenter> {
  const center = await loadHelpCenter({ docsDir: FIXTURE, baseUrl: BASE, useWorker: false, ...options });
  open.push(center);
  return center;
}

afterEach(async () => {
  for (const center of open.splice(0)) center.close();
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('HelpCenter.search', () => {
  it('answers with the right section, a deep link and a bolded extract', async () => {
    const center = await helpCenter();
    const result = center.search('hey, when is live chat available? :wave:', { audience: 'brand' });
    expect(result.confident).toBe(true);
    const [best] = result.hits;
    expect(best?.section.id).toBe('chat-live-with-support#when-live-chat-is-available');
    expect(best?.section.url).toBe(`${BASE}/chat-live-with-support#when-live-chat-is-available`);
    expect(best?.extract).toContain('**Live** **chat**');
    expect(best?.matchedTerms).toEqual(expect.arrayContaining(['live', 'chat']));
  });

  it('filters by audience: partners see partner + all, brands see brand + all', async () => {
    const center = await helpCenter();
    const partner = center.search('when do payouts arrive', { audience: 'partner' });
    expect(partner.hits[0]?.section.slug).toBe('partner-payouts');
    const brand = center.search('when do payouts arrive', { audience: 'brand', limit: 10 });
    expect(brand.hits.every((h) => h.section.audience !== 'partner')).toBe(true);
    const brandInvoices = center.search('download invoice pdf', { audience: 'partner', limit: 10 });
    expect(brandInvoices.hits.every((h) => h.section.slug !== 'brand-invoices')).toBe(true);
  });

  it('finds accented headings, synonyms, typos and error codes', async () => {
    const center = await helpCenter();
    expect(center.search('creme cafe', { audience: 'partner' }).hits[0]?.section.anchor).toBe(
      'cafe-et-creme-accents-in-headings',
    );
    expect(center.search('when is my payment sent', { audience: 'partner' }).hits[0]?.section.id).toBe(
      'partner-payouts#payout-schedule',
    );
    expect(center.search('W9 form', { audience: 'partner' }).hits[0]?.section.id).toBe(
      'partner-payouts#tax-forms-for-us-partners',
    );
    expect(center.search('how do I downlaod an invoce', { audience: 'brand' }).hits[0]?.section.id).toBe(
      'brand-invoices#download-an-invoice',
    );
    expect(center.search('getting 429', { audience: 'brand' }).hits[0]?.section.id).toBe(
      'brand-invoices#tracking-error-codes',
    );
  });

  it('says it found nothing good instead of answering wrongly', async () => {
    const center = await helpCenter();
    for (const query of ['what is the weather in Paris', 'asdfgh qwerty', '', '   ?!', 'thanks!']) {
      expect(center.search(query, { audience: 'brand' }).confident).toBe(false);
    }
  });

  it('never throws, whatever it is given', async () => {
    const center = await helpCenter();
    const inputs: unknown[] = ['~:-*^+"', 'x'.repeat(10_000), '🙂', null, undefined, 7, {}, '\u0000'];
    for (const input of inputs) {
      expect(() => center.search(input as string, { audience: 'brand' })).not.toThrow();
      expect(() =>
        center.search('payouts', { audience: input as 'brand', limit: input as number }),
      ).not.toThrow();
    }
    // An unknown audience sees only articles written for everyone.
    const hits = center.search('payouts tax form', { audience: 'nobody' as 'brand', limit: 10 }).hits;
    expect(hits.every((h) => h.section.audience === 'all')).toBe(true);
  });

  it('finds a section by how users ask for it, without showing the asked line', async () => {
    const center = await helpCenter();
    // None of these words is in the section's text or heading, only in its asked line.
    const [best] = center.search('escalate my problem to staff', { audience: 'brand' }).hits;
    expect(best?.section.id).toBe('chat-live-with-support#start-a-chat-in-slack-or-teams');
    expect(best?.section.text).not.toMatch(/asked|escalate|<!--/);
    expect(best?.extract).not.toMatch(/asked|escalate|staff|<!--/);
    expect(best?.matchedTerms).toEqual([]);
  });

  it('respects the limit', async () => {
    const center = await helpCenter();
    expect(center.search('ticket', { audience: 'brand', limit: 1 }).hits).toHaveLength(1);
  });
});

describe('HelpCenter loading', () => {
  it('counts articles and sections', async () => {
    const center = await helpCenter();
    expect(center.articleCount()).toBe(4);
    expect(center.sections().map((s) => s.id)).toContain('create-a-support-ticket#create-the-ticket-2');
  });

  it('caches the index on disk by content hash and loads it on the next start', async () => {
    const dir = await tempCopy();
    const cacheDir = join(dir, 'cache');
    const first = recordingLogger();
    await helpCenter({ docsDir: join(dir, 'docs'), cacheDir, logger: first.logger });
    expect(first.lines.find((l) => l.message === 'help center index ready')?.details).toMatchObject({
      fromCache: false,
    });
    expect((await readdir(cacheDir)).filter((f) => f.startsWith('help-index-'))).toHaveLength(1);

    const second = recordingLogger();
    const center = await helpCenter({ docsDir: join(dir, 'docs'), cacheDir, logger: second.logger });
    expect(second.lines.find((l) => l.message === 'help center index ready')?.details).toMatchObject({
      fromCache: true,
    });
    expect(center.search('live chat hours', { audience: 'brand' }).confident).toBe(true);

    // New content means a new key; the stale cache file is removed.
    await writeFile(
      join(dir, 'docs', 'new.md'),
      '---\ntitle: Dark mode\naudience: all\n---\nThe dashboard has a dark mode.',
    );
    const third = recordingLogger();
    await helpCenter({ docsDir: join(dir, 'docs'), cacheDir, logger: third.logger });
    expect(third.lines.find((l) => l.message === 'help center index ready')?.details).toMatchObject({
      fromCache: false,
    });
    expect((await readdir(cacheDir)).filter((f) => f.startsWith('help-index-'))).toHaveLength(1);

    // So does a changed asked line, though no text that users see changed.
    const chat = join(dir, 'docs', 'getting-support', 'live-chat.md');
    await writeFile(chat, (await readFile(chat, 'utf8')).replace('can the bot hand me over', 'get a human'));
    const fourth = recordingLogger();
    const changed = await helpCenter({ docsDir: join(dir, 'docs'), cacheDir, logger: fourth.logger });
    expect(fourth.lines.find((l) => l.message === 'help center index ready')?.details).toMatchObject({
      fromCache: false,
    });
    expect(changed.sections().find((s) => s.anchor === 'start-a-chat-in-slack-or-teams')?.asked).toEqual([
      'how do i escalate my problem to staff',
      'get a human',
    ]);
  });

  it('reloads in a worker thread while the old index keeps answering', async () => {
    const dir = await tempCopy();
    const center = await helpCenter({ docsDir: join(dir, 'docs'), useWorker: true });
    expect(center.search('dark mode dashboard', { audience: 'brand' }).confident).toBe(false);
    await writeFile(
      join(dir, 'docs', 'dark-mode.md'),
      '---\ntitle: Dark mode\naudience: all\n---\n<!-- asked: can i get a black theme -->\nThe dashboard has a dark mode.',
    );
    const reloading = center.reload();
    // Until the new index is ready the old one answers.
    expect(center.articleCount()).toBe(4);
    const summary = await reloading;
    expect(summary).toMatchObject({ articles: 5, sections: center.sections().length });
    expect(center.search('dark mode dashboard', { audience: 'brand' }).hits[0]?.section.id).toBe(
      'dark-mode#',
    );
    // The index built in the worker has the asked phrasings too.
    expect(center.search('black theme', { audience: 'brand' }).hits[0]?.section.id).toBe('dark-mode#');
  });

  it('builds the phrasings in the worker as on the main thread', async () => {
    const question = 'how do i escalate my problem to staff';
    const scores = (center: HelpCenter) =>
      center.search(question, { audience: 'brand', limit: 3 }).hits.map((h) => [h.section.id, h.score]);
    const inWorker = scores(await helpCenter({ useWorker: true }));
    expect(inWorker).toEqual(scores(await helpCenter({ useWorker: false })));
    const without = scores(
      await helpCenter({
        queryOptions: { ...DEFAULT_QUERY_OPTIONS, sectionPhrasingWeight: 0, articlePhrasingWeight: 0 },
      }),
    );
    expect(inWorker[0]?.[1]).toBeGreaterThan(Number(without[0]?.[1]));
  });

  it('keeps serving when a reload finds a bad article, and logs it', async () => {
    const dir = await tempCopy();
    const { lines, logger } = recordingLogger();
    const center = await helpCenter({ docsDir: join(dir, 'docs'), logger });
    await writeFile(join(dir, 'docs', 'broken.md'), '---\ntitle: Broken\naudience: sometimes\n---\nText');
    await expect(center.reload()).resolves.toMatchObject({ articles: 4 });
    expect(lines.some((l) => l.level === 'error' && /broken\.md:3: audience/.test(l.message ?? ''))).toBe(
      true,
    );
  });

  it('keeps serving the last good version of an article whose file breaks, and names each skipped file', async () => {
    const dir = await tempCopy();
    const center = await helpCenter({ docsDir: join(dir, 'docs') });
    const payouts = join(dir, 'docs', 'payments', 'partner-payouts.md');
    const good = await readFile(payouts, 'utf8');
    await writeFile(payouts, good.replace(/^---\n/, '---\naudience: [oops\n'));
    await writeFile(join(dir, 'docs', 'notes.md'), 'No front matter here.\n## A heading\nText.');

    const summary = await center.reload();
    expect(summary).toMatchObject({ articles: 4 });
    expect(summary.skipped).toEqual([
      {
        file: 'notes.md',
        line: 1,
        reason: 'front matter missing: the file must start with ---',
        servedFromLastGood: false,
      },
      {
        file: 'payments/partner-payouts.md',
        line: 3,
        reason: expect.stringMatching(/^bad front matter: /),
        servedFromLastGood: true,
      },
    ]);
    const answer = center.search('when do payouts arrive', { audience: 'partner' });
    expect(answer.hits[0]?.section.slug).toBe('partner-payouts');

    // Fixed again: the new version replaces the kept one, and nothing of it is reported.
    await writeFile(payouts, good.replace('Payouts are sent on the 15th', 'Payouts are sent on the 20th'));
    const fixed = await center.reload();
    expect(fixed.skipped.map((s) => s.file)).toEqual(['notes.md']);
    expect(center.sections().find((s) => s.id === 'partner-payouts#payout-schedule')?.text).toMatch(/20th/);
  });

  it('drops an article whose file was deleted, and one whose broken file now gives its slug to another', async () => {
    const dir = await tempCopy();
    const center = await helpCenter({ docsDir: join(dir, 'docs') });
    await rm(join(dir, 'docs', 'payments', 'brand-invoices.md'));
    const payouts = join(dir, 'docs', 'payments', 'partner-payouts.md');
    await writeFile(
      payouts,
      (await readFile(payouts, 'utf8')).replace('audience: partner', 'audience: someone'),
    );
    await writeFile(
      join(dir, 'docs', 'payments', 'new-payouts.md'),
      '---\ntitle: Payouts\nslug: partner-payouts\naudience: partner\n---\nPayouts arrive by bank transfer.',
    );
    const summary = await center.reload();
    expect(summary.skipped).toEqual([
      expect.objectContaining({ file: 'payments/partner-payouts.md', servedFromLastGood: false }),
    ]);
    expect(center.sections().map((s) => s.slug)).not.toContain('brand-invoices');
    expect(
      center
        .sections()
        .filter((s) => s.slug === 'partner-payouts')
        .map((s) => s.text),
    ).toEqual(['Payouts arrive by bank transfer.']);
  });

  it('does not cache an index with kept articles under the hash of the files alone', async () => {
    const dir = await tempCopy();
    const cacheDir = join(dir, 'cache');
    const center = await helpCenter({ docsDir: join(dir, 'docs'), cacheDir });
    const payouts = join(dir, 'docs', 'payments', 'partner-payouts.md');
    await writeFile(payouts, (await readFile(payouts, 'utf8')).replace(/^---\n/, ''));
    await center.reload();
    const { lines, logger } = recordingLogger();
    const restarted = await helpCenter({ docsDir: join(dir, 'docs'), cacheDir, logger });
    expect(restarted.articleCount()).toBe(3);
    expect(lines.find((l) => l.message === 'help center index ready')?.details).toMatchObject({
      fromCache: false,
    });
  });

  it('refuses a reload that loads no article at all and keeps the old index', async () => {
    const dir = await tempCopy();
    const center = await helpCenter({ docsDir: join(dir, 'docs') });
    for (const entry of await readdir(join(dir, 'docs')))
      await rm(join(dir, 'docs', entry), { recursive: true });
    await writeFile(join(dir, 'docs', 'half-written.md'), '---\ntitle: Half\n');
    const failure = await center.reload().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NoArticlesLoadedError);
    expect((failure as NoArticlesLoadedError).skipped).toEqual([
      {
        file: 'half-written.md',
        line: 1,
        reason: 'front matter not closed: no second --- line',
        servedFromLastGood: false,
      },
    ]);
    expect(center.articleCount()).toBe(4);
    expect(center.search('when do payouts arrive', { audience: 'partner' }).hits[0]?.section.slug).toBe(
      'partner-payouts',
    );
  });

  it('starts empty, with a logged error, when the folder does not exist', async () => {
    const { lines, logger } = recordingLogger();
    const center = await helpCenter({ docsDir: '/nonexistent/help-docs', logger });
    expect(center.articleCount()).toBe(0);
    expect(center.search('payouts', { audience: 'brand' })).toEqual({ hits: [], confident: false });
    expect(lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('reloads by itself when a file changes and watch is on', async () => {
    const dir = await tempCopy();
    const center = await helpCenter({ docsDir: join(dir, 'docs'), watch: true });
    await writeFile(
      join(dir, 'docs', 'watched.md'),
      '---\ntitle: Watched article\naudience: all\n---\nZebra crossing.',
    );
    await expect.poll(() => center.articleCount(), { timeout: 10_000, interval: 100 }).toBe(5);
    expect(center.search('zebra', { audience: 'partner' }).hits[0]?.section.slug).toBe('watched');
  });

  it('follows the same rules when watching: a broken file keeps its last good version, no article keeps the index', async () => {
    const dir = await tempCopy();
    const docs = join(dir, 'docs');
    const { lines, logger } = recordingLogger();
    const center = await helpCenter({ docsDir: docs, watch: true, logger });
    const payouts = join(docs, 'payments', 'partner-payouts.md');
    await writeFile(payouts, (await readFile(payouts, 'utf8')).replace(/^---\n/, ''));
    await writeFile(
      join(docs, 'watched.md'),
      '---\ntitle: Watched article\naudience: all\n---\nZebra crossing.',
    );
    await expect.poll(() => center.articleCount(), { timeout: 10_000, interval: 100 }).toBe(5);
    expect(center.search('when do payouts arrive', { audience: 'partner' }).hits[0]?.section.slug).toBe(
      'partner-payouts',
    );

    for (const entry of await readdir(docs)) await rm(join(docs, entry), { recursive: true });
    await writeFile(join(docs, 'half-written.md'), '---\ntitle: Half\n');
    await expect
      .poll(() => lines.some((l) => l.message === 'help docs reload failed'), {
        timeout: 10_000,
        interval: 100,
      })
      .toBe(true);
    expect(center.articleCount()).toBe(5);
    expect(center.search('zebra', { audience: 'partner' }).hits[0]?.section.slug).toBe('watched');
  });
});
