import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentDefinition } from '../../src/nlu/intent-definition.js';
import { loadIntentDefinitions } from '../../src/nlu/intent-loader.js';

const intentsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'intents');

describe('intents/ (the bot intents as data)', () => {
  let definitions: IntentDefinition[] = [];
  beforeAll(async () => {
    ({ definitions } = await loadIntentDefinitions(intentsDir));
  });

  it('declares the stable intent names the skills rely on', () => {
    expect(definitions.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'ticket.create',
        'ticket.status',
        'ticket.list',
        'ticket.update',
        'docs.search',
        'partner.query',
        'agent.handoff',
        'smalltalk.greeting',
        'smalltalk.thanks',
        'bot.help',
        'flow.cancel',
        'admin.reload_docs',
        'agent.availability',
        'none',
      ]),
    );
  });

  it('gives every intent with examples at least 30 of them', () => {
    const thin = definitions
      .filter((d) => d.examples.length > 0 && d.examples.length < 30)
      .map((d) => d.name);
    expect(thin).toEqual([]);
  });

  it('keeps the pattern-only commands pattern-only', () => {
    for (const name of ['admin.reload_docs', 'agent.availability']) {
      const d = definitions.find((x) => x.name === name)!;
      expect(d.patterns.length).toBeGreaterThan(0);
    }
  });

  it('has command patterns that match their commands and nothing conversational', () => {
    const commands: Record<string, string> = {
      'ticket.status': '/helpdesk status 123',
      'ticket.create': '/helpdesk new',
      'agent.handoff': '/helpdesk agent',
      'bot.help': '/helpdesk help',
      'admin.reload_docs': '/helpdesk reload-docs',
      'agent.availability': '/helpdesk online',
    };
    for (const [name, command] of Object.entries(commands)) {
      const d = definitions.find((x) => x.name === name)!;
      expect(d.patterns.some((p) => new RegExp(p, 'iu').test(command))).toBe(true);
    }
    const all = definitions.flatMap((d) => d.patterns.map((p) => new RegExp(p, 'iu')));
    for (const text of ['status of 123', 'i need help', 'new ticket please', 'agent']) {
      expect(all.some((re) => re.test(text))).toBe(false);
    }
  });

  it('reads a status change for a list of tickets as a ticket update', () => {
    const update = definitions
      .find((x) => x.name === 'ticket.update')!
      .patterns.map((p) => new RegExp(p, 'iu'));
    for (const text of [
      'mark 1042 and 1043 as in progress',
      'set tickets #1042, #1043 to closed',
      'pls change the status of 1042 & 1043 to waiting on customer',
    ]) {
      expect(
        update.some((re) => re.test(text)),
        text,
      ).toBe(true);
    }
    // One ticket is left to the classifier; "set up" is no status change.
    for (const text of [
      'mark 1042 as in progress',
      'set up 1042 and 1043 to fire on checkout',
      'is 1042 and 1043 set to closed',
    ]) {
      expect(
        update.some((re) => re.test(text)),
        text,
      ).toBe(false);
    }
  });
});
