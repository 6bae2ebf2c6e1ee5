import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNluEngine, type NluEngine } from '../../src/nlu/nlu-engine.js';

const intentsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'intents');

describe('NluEngine: what it declines and what asks for a person', () => {
  let engine: NluEngine;
  beforeAll(async () => {
    engine = await loadNluEngine({ intentsDir });
  });

  it('declines a message of markup alone, a channel link with its name included', () => {
    for (const text of ['<#C1|general>', '<@U123>', ':wave:', '<@U123> :tada: !!', '<#C9|random> <@U2>']) {
      expect(engine.match(text), text).toMatchObject({ name: 'none', skill: null });
    }
  });

  it('declines a message none of whose words any example has, within a typo', () => {
    for (const text of ['general', 'generally', 'blorp zzzt']) {
      expect(engine.match(text), text).toMatchObject({ name: 'none', skill: null });
    }
    // A typo of a known word, or a known word among unknown ones, is still classified.
    expect(engine.match('tikcets').name).toBe('ticket.list');
    expect(engine.match('agent pls, general question').name).toBe('agent.handoff');
  });

  it('declines a sum to work out, which would otherwise read like ticket numbers', () => {
    for (const text of ['what is 2+2', 'what is 3*7', "what's 12 + 30?", 'how much is 100 / 4', '2+2']) {
      expect(engine.match(text), text).toMatchObject({ name: 'none', skill: null, source: 'pattern' });
    }
    for (const [text, intent] of [
      ['what is the status of 1042', 'ticket.status'],
      ['status of 1000+1001', 'ticket.status'],
    ] as const) {
      expect(engine.match(text).name, text).toBe(intent);
    }
  });

  it('routes a few words asking to escalate or to contact support to a person', () => {
    for (const text of [
      'contact support',
      'escalate this',
      'can you escalate',
      'escalate',
      "i'd like to escalate this to a human",
      'get in touch with your support team',
    ]) {
      expect(engine.match(text), text).toMatchObject({ name: 'agent.handoff', skill: 'handoff' });
    }
    // A ticket's escalation and a partner's contact are not.
    expect(engine.match('has 1042 been escalated').name).toBe('ticket.status');
    expect(engine.match('contact details for Adventure Works').name).toBe('partner.query');
  });
});
