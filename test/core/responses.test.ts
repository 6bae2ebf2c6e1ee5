import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResponses } from '../../src/core/responses.js';

describe('responses', () => {
  it('reads namespaced keys, fills placeholders and picks variants', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resp-'));
    writeFileSync(join(dir, 'tickets.yml'), 'created: "Ticket {number} filed"\nnested:\n  a: [x, y]\n');
    const r = await loadResponses(dir, () => 0.99);
    expect(r.t('tickets.created', { number: '#1042' })).toBe('Ticket #1042 filed');
    expect(r.t('tickets.nested.a')).toBe('y');
    expect(() => r.t('tickets.missing')).toThrow(/No response text/);
  });

  it('refuses a value that is not text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resp-'));
    writeFileSync(join(dir, 'bad.yml'), 'n: 3\n');
    await expect(loadResponses(dir)).rejects.toThrow(/bad.yml: "bad.n" must be a text/);
  });

  it('has every key the core uses in the shipped content', async () => {
    const r = await loadResponses('content/responses');
    for (const key of [
      'core.error',
      'core.cancelled',
      'core.fallback',
      'core.confirm_interrupt',
      'core.second_request.prompt',
      'core.second_request.button',
      'smalltalk.greeting',
    ]) {
      expect(r.has(key), key).toBe(true);
    }
  });
});
