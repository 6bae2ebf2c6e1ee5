import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResponses, type Responses } from '../../../src/core/responses.js';
import { parseYesNo } from '../../../src/nlu/answer-parsers.js';
import { statusNamed, typedChoice } from '../../../src/skills/tickets/answer-or-status.js';

describe('the answer-or-status question', () => {
  let responses: Responses;
  beforeAll(async () => {
    responses = await loadResponses(resolve('content/responses'));
  });

  it('runs the status it names with the remark, whatever the remark mentions', () => {
    const named = statusNamed('set it to closed, I left a note on the billing export ticket');
    expect(named?.status).toBe('closed');
    expect(named?.requests).toEqual([
      {
        tickets: [],
        forCurrent: true,
        request: { kind: 'close', body: 'I left a note on the billing export ticket' },
      },
    ]);
    expect(statusNamed('set it to in progress, added an internal note')?.requests[0]?.request).toEqual({
      kind: 'status',
      status: 'in_progress',
      note: 'added an internal note',
    });
    expect(statusNamed('set 1042 to closed, duplicate')).toBeNull();
    expect(statusNamed('clear the cache and reload')).toBeNull();
  });

  it('reads a typed choice only from a short message made of a choice', () => {
    const reply = (text: string) => typedChoice(text, responses, 'reply', 'closed', parseYesNo);
    for (const typed of [
      'send it',
      '1',
      'the first one',
      'as the reply',
      'reply',
      'send it as the reply',
      'no, send it',
    ]) {
      expect(reply(typed), typed).toBe('answer');
    }
    for (const typed of ['2', 'set it', 'closed', 'close it', 'the status', 'set closed', 'second']) {
      expect(reply(typed), typed).toBe('status');
    }
    for (const typed of ['3', 'neither', 'neither, never mind', 'none of them', 'no', 'nope']) {
      expect(reply(typed), typed).toBe('cancel');
    }
    for (const typed of [
      'yes',
      'ok',
      'thanks',
      'set it to in progress',
      'set it to open',
      'please reply when the export finishes',
      'Glad to hear it works now, we keep an eye on the export',
      'send it as the solution',
    ]) {
      expect(reply(typed), typed).toBeNull();
    }
    const solution = (text: string) => typedChoice(text, responses, 'solution', 'open', parseYesNo);
    expect(solution('send it as the solution')).toBe('answer');
    expect(solution('set it to open')).toBe('status');
    expect(solution('as the reply')).toBeNull();
    const note = (text: string) => typedChoice(text, responses, 'note', 'in_progress', parseYesNo);
    expect(note('add it')).toBe('answer');
    expect(note('set in progress')).toBe('status');
  });
});
