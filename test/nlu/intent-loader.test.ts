import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IntentValidationError,
  loadIntentDefinitions,
  parseIntentFile,
} from '../../src/nlu/intent-loader.js';

const VALID = `name: ticket.status
skill: tickets
description: Ask where one ticket stands
slots: [ticketNumbers]
patterns:
  - ^/helpdesk\\s+status
examples:
  - status of 1042
  - any update on my ticket
`;

function problems(source: string, file = 'intents/ticket.status.yml') {
  return parseIntentFile(file, source).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

describe('parseIntentFile', () => {
  it('accepts a valid file and keeps its fields', () => {
    const { definition, problems: found } = parseIntentFile('intents/ticket.status.yml', VALID);
    expect(found).toEqual([]);
    expect(definition).toMatchObject({
      name: 'ticket.status',
      skill: 'tickets',
      slots: ['ticketNumbers'],
      examples: ['status of 1042', 'any update on my ticket'],
      file: 'intents/ticket.status.yml',
    });
  });

  it('points at the line of a non-string example', () => {
    const source = VALID.replace('  - any update on my ticket', '  - any update\n  - 42\n  - [a, b]');
    expect(problems(source)).toEqual([
      'intents/ticket.status.yml:10: examples[2] must be a string',
      'intents/ticket.status.yml:11: examples[3] must be a string',
    ]);
  });

  it('reports an unknown skill, an unknown slot and an unknown field with their lines', () => {
    const source = VALID.replace('skill: tickets', 'skill: billing')
      .replace('[ticketNumbers]', '[ticketNumbers, colour]')
      .concat('colour: blue\n');
    const found = problems(source);
    expect(found).toContainEqual(
      expect.stringMatching(/^intents\/ticket\.status\.yml:2: skill must be one of tickets/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^intents\/ticket\.status\.yml:4: slots\[1\] must be one of/),
    );
    expect(found).toContainEqual('intents/ticket.status.yml:10: unknown field colour');
  });

  it('rejects a pattern that is not a regular expression', () => {
    expect(problems(VALID.replace('^/helpdesk\\s+status', '^/helpdesk (status'))).toEqual([
      'intents/ticket.status.yml:6: patterns[0] is not a valid regular expression',
    ]);
  });

  it('requires name, skill and description, and a name matching the file', () => {
    expect(problems('examples: [hi]\n', 'intents/x.yml')).toEqual(
      expect.arrayContaining([
        'intents/x.yml:1: name must be a string',
        expect.stringMatching(/^intents\/x\.yml:1: skill must be one of/),
        'intents/x.yml:1: description must be a one-line string',
      ]),
    );
    expect(problems(VALID, 'intents/ticket.list.yml')).toEqual([
      'intents/ticket.list.yml:1: name "ticket.status" must match the file name "ticket.list"',
    ]);
  });

  it('rejects a file with neither examples nor patterns, and duplicate examples', () => {
    expect(problems('name: a\nskill: core\ndescription: d\n', 'intents/a.yml')).toEqual([
      'intents/a.yml:1: examples needs examples or patterns (or both)',
    ]);
    const duplicated = VALID.replace(
      '  - any update on my ticket',
      '  - any update on my ticket\n  - Status of #1042?',
    );
    expect(problems(duplicated)).toEqual([]);
    const same = VALID.replace(
      '  - any update on my ticket',
      '  - any update on my ticket\n  - Any update on my ticket!',
    );
    expect(problems(same)).toEqual(['intents/ticket.status.yml:10: examples[2] repeats examples[1]']);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('name: a\nexamples: [one, two\nskill: core\n', 'intents/a.yml')[0]).toMatch(
      /^intents\/a\.yml:\d+: invalid YAML: /,
    );
  });
});

describe('loadIntentDefinitions', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads a folder, hashes it, and rejects an example claimed by two intents', async () => {
    dir = await mkdtemp(join(tmpdir(), 'intents-'));
    await writeFile(join(dir, 'ticket.status.yml'), VALID);
    const first = await loadIntentDefinitions(dir);
    expect(first.definitions.map((d) => d.name)).toEqual(['ticket.status']);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);

    await writeFile(
      join(dir, 'ticket.list.yml'),
      'name: ticket.list\nskill: tickets\ndescription: List tickets\nexamples:\n  - show my tickets\n  - any update on my ticket\n',
    );
    const error = await loadIntentDefinitions(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntentValidationError);
    // Files load in name order, so the second claimant (ticket.status, line 9) is the one reported.
    expect((error as Error).message).toMatch(
      /^intents-\w+\/ticket\.status\.yml:9: examples\[1\] "any update on my ticket" is also an example of ticket\.list$/,
    );
  });

  it('fails clearly on an empty folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'intents-'));
    await expect(loadIntentDefinitions(dir)).rejects.toThrow(/no intent files/);
  });
});
