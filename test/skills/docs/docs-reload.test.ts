import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsModule } from '../../../src/skills/docs/docs-module.js';
import { type Chat, startTestBot, type TestBot } from '../../support/conversation.js';

const FIXTURE = fileURLToPath(new URL('../../search/fixtures/docs', import.meta.url));
const notice = (chat: Chat) => chat.replies.find((r) => r.type === 'notice');
const cardUrl = (chat: Chat) => {
  const card = chat.replies.find((r) => r.type === 'card');
  return card?.type === 'card' ? card.url : undefined;
};

// The reload is the same on every database: one is enough.
describe('an admin reloading a help-docs folder with broken files', () => {
  let bot: TestBot;
  let dir: string;
  let docs: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docs-reload-'));
    docs = join(dir, 'docs');
    await cp(FIXTURE, docs, { recursive: true });
    bot = await startTestBot('sqlite', { modules: [docsModule], env: { DOCS_DIR: docs, DATA_DIR: dir } });
  });
  afterAll(async () => {
    await bot.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is told which files were skipped and why, and a broken article keeps its last good version', async () => {
    const payouts = join(docs, 'payments', 'partner-payouts.md');
    await writeFile(payouts, (await readFile(payouts, 'utf8')).replace(/^---\n/, '---\naudience: [oops\n'));
    await writeFile(join(docs, 'notes.md'), 'No front matter here.\n## A heading\nText.');
    const ada = bot.chat('ada');
    await ada.say('/helpdesk reload-docs');
    expect(notice(ada)).toMatchObject({ level: 'warning' });
    const text = ada.text();
    expect(text).toMatch(/Help docs reloaded: 4 articles, \d+ sections/);
    expect(text).toMatch(/Skipped files \(2\)/);
    expect(text).toMatch(
      /`notes\.md`, line 1: front matter missing: the file must start with ---\. Not served/,
    );
    expect(text).toMatch(
      /`payments\/partner-payouts\.md`, line 3: bad front matter: .*The last good version is still served/,
    );
    expect(text).not.toMatch(/\n\s+at /);

    const pat = bot.chat('pat');
    await pat.say('when are payouts sent');
    expect(cardUrl(pat)).toMatch(/partner-payouts/);
  });

  it('is told it failed when no article loads at all, and the old index keeps serving', async () => {
    for (const entry of await readdir(docs)) await rm(join(docs, entry), { recursive: true });
    await writeFile(join(docs, 'half-written.md'), '---\ntitle: Half\n');
    const ada = bot.chat('ada');
    await ada.say('/helpdesk reload-docs');
    expect(notice(ada)).toMatchObject({ level: 'error' });
    expect(ada.text()).toMatch(/No help article could be loaded.*previous index is still in use/s);
    expect(ada.text()).toMatch(/`half-written\.md`, line 1: front matter not closed/);

    const pat = bot.chat('pat');
    await pat.say('when are payouts sent');
    expect(cardUrl(pat)).toMatch(/partner-payouts/);
  });
});
