import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNluEngine, type NluEngine } from '../../src/nlu/nlu-engine.js';

const intentsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'intents');

describe('NluEngine', () => {
  let engine: NluEngine;
  let cacheDir = '';
  beforeAll(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'nlu-cache-'));
    engine = await loadNluEngine({ intentsDir, cacheDir });
  });
  afterAll(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('matches slash commands by pattern with confidence 1', () => {
    expect(engine.match('/helpdesk status 123')).toMatchObject({
      name: 'ticket.status',
      confidence: 1,
      skill: 'tickets',
      source: 'pattern',
    });
    expect(engine.match('/helpdesk new').name).toBe('ticket.create');
    expect(engine.match('/helpdesk agent').name).toBe('agent.handoff');
    expect(engine.match('/helpdesk help').name).toBe('bot.help');
    expect(engine.match('/helpdesk').name).toBe('bot.help');
    expect(engine.match('/helpdesk reload-docs')).toMatchObject({ name: 'admin.reload_docs', skill: 'docs' });
    expect(engine.match('/helpdesk away')).toMatchObject({ name: 'agent.availability', skill: 'handoff' });
  });

  it('classifies the free text of an unknown sub-command', () => {
    const m = engine.match('/helpdesk can I talk to a human');
    expect(m).toMatchObject({ name: 'agent.handoff', source: 'model', skill: 'handoff' });
  });

  it('classifies free text with a calibrated confidence and a ranking', () => {
    const m = engine.match('any update on ticket 1042?');
    expect(m.name).toBe('ticket.status');
    expect(m.source).toBe('model');
    expect(m.confidence).toBeGreaterThan(0.5);
    expect(m.confidence).toBeLessThanOrEqual(1);
    expect(m.ranking[0]).toEqual({ name: 'ticket.status', confidence: m.confidence });
    expect(m.ranking.length).toBeLessThanOrEqual(5);
    expect(m.ranking.every((r) => r.name !== 'none')).toBe(true);
  });

  it('never misses a request for a person that comes with a description of the problem', () => {
    for (const text of [
      'I need to talk to a person, our May payouts to partners are missing',
      'our payouts are missing since may and i want to talk to a human',
      'this is useless. get me a human',
    ]) {
      expect(engine.match(text), text).toMatchObject({ name: 'agent.handoff', skill: 'handoff' });
    }
    // A part naming an agent without asking for one does not take the message.
    expect(engine.match('how do i set up the pixel, and where is the tag').name).toBe('docs.search');
    // Nor does a part about a person, when the whole message surely asks for something else.
    expect(
      engine.match('I already talked to an agent yesterday, what is the status of ticket 1002').name,
    ).toBe('ticket.status');
    expect(
      engine.match('I spoke to support and they said to file a ticket, our payouts are missing').name,
    ).toBe('ticket.create');
    expect(engine.match('a human told me to ask here: how do I export my partners').name).toBe('docs.search');
    const routed = engine.match('I need to talk to a person, our May payouts to partners are missing');
    expect(routed.ranking[0]).toEqual({ name: 'agent.handoff', confidence: routed.confidence });
  });

  it('answers none for out-of-scope messages, with no skill', () => {
    const m = engine.match('what is the weather going to be like in paris tomorrow');
    expect(m).toMatchObject({ name: 'none', skill: null, source: 'none' });
  });

  it('survives any input: empty, whitespace, huge, emoji only, markup only, odd characters', () => {
    const inputs = [
      '',
      '   \n\t ',
      'x'.repeat(100_000),
      `close ticket 1042 ${'lorem ipsum '.repeat(10_000)}`,
      '🎉🎉🎉',
      ':tada: :+1:',
      '<@U123> <#C1|general> <!here>',
      '\u0000\u0001\u202e',
      '(((((((((((',
      '/helpdesk',
    ];
    for (const text of inputs) {
      const m = engine.match(text);
      expect(m.confidence).toBeGreaterThanOrEqual(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(typeof m.name).toBe('string');
    }
    expect(engine.match('').name).toBe('none');
    expect(engine.match('🎉🎉🎉').name).toBe('none');
    expect(engine.match(undefined as unknown as string).name).toBe('none');
  });

  it('reads through Slack markup, emoji, casing and typos', () => {
    expect(engine.match('<@U02HELPDESK> SHOW MY OPEN TICKETS :eyes:').name).toBe('ticket.list');
    expect(engine.match('can i tlak to a humna plz 🙏').name).toBe('agent.handoff');
    expect(engine.match('whats teh status of tikcet 1042').name).toBe('ticket.status');
  });

  it('lists its intent definitions for help texts', () => {
    const names = engine.intents().map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining(['ticket.create', 'agent.handoff', 'admin.reload_docs', 'none']),
    );
    for (const d of engine.intents()) expect(d.description.length).toBeGreaterThan(0);
  });

  it('writes a model cache and loads from it while the files are unchanged', async () => {
    const files = (await readdir(cacheDir)).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const logs: object[] = [];
    const again = await loadNluEngine({ intentsDir, cacheDir, logger: { info: (o) => logs.push(o) } });
    expect(logs[0]).toMatchObject({ fromCache: true });
    expect(again.match('any update on ticket 1042?')).toEqual(engine.match('any update on ticket 1042?'));
  });

  it('retrains when an intent file changes, and ignores a corrupt cache', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'intents-copy-'));
    try {
      await cp(intentsDir, copy, { recursive: true });
      const logs: Array<Record<string, unknown>> = [];
      const logger = { info: (o: object) => logs.push(o as Record<string, unknown>) };
      await loadNluEngine({ intentsDir: copy, cacheDir, logger });
      expect(logs.at(-1)).toMatchObject({ fromCache: true });
      await writeFile(
        join(copy, 'smalltalk.greeting.yml'),
        `${await import('node:fs/promises').then((fs) => fs.readFile(join(copy, 'smalltalk.greeting.yml'), 'utf8'))}  - good evening everybody\n`,
      );
      await loadNluEngine({ intentsDir: copy, cacheDir, logger });
      expect(logs.at(-1)).toMatchObject({ fromCache: false });
      const [cached] = (await readdir(cacheDir)).filter((f) => f.endsWith('.json'));
      await writeFile(join(cacheDir, cached!), '{not json');
      await loadNluEngine({ intentsDir: copy, cacheDir, logger });
      expect(logs.at(-1)).toMatchObject({ fromCache: false });
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
