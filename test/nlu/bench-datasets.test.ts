import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, readDataset } from '../../bench/intents-datasets.js';
import { auroc, percentile } from '../../bench/intents-metrics.js';
import { makeSplit } from '../../bench/intents-split.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-data-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('benchmark data sets', () => {
  it('parses CSV with quotes, commas, doubled quotes and CRLF', () => {
    expect(parseCsv('text,category\r\n"a, ""quoted"" text",x\r\nplain,y\n')).toEqual([
      ['text', 'category'],
      ['a, "quoted" text', 'x'],
      ['plain', 'y'],
    ]);
  });

  it('reads a CSV folder by header names', async () => {
    const folder = join(dir, 'tiny');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    await writeFile(
      join(folder, 'train.csv'),
      'category,text\ncard,"where, is my card"\ntopup,top up failed\n',
    );
    await writeFile(join(folder, 'test.csv'), 'text,category\nmy card?,card\n');
    const ds = readDataset(folder);
    expect(ds).toMatchObject({ name: 'tiny', format: 'csv' });
    expect(ds.train).toEqual([
      { text: 'where, is my card', label: 'card' },
      { text: 'top up failed', label: 'topup' },
    ]);
    expect(ds.validation).toBeUndefined();
  });

  it('reads a CLINC150-style JSON file with out-of-scope arrays', async () => {
    const file = join(dir, 'clinc_tiny.json');
    await writeFile(
      file,
      JSON.stringify({
        train: [
          ['what is my balance', 'balance'],
          ['transfer money', 'transfer'],
        ],
        val: [['balance please', 'balance']],
        test: [['send money to mom', 'transfer']],
        oos_train: [['tell me a joke', 'oos']],
        oos_val: [['weather today', 'oos']],
        oos_test: [['play music', 'oos']],
      }),
    );
    const ds = readDataset(file);
    expect(ds.name).toBe('clinc_tiny');
    expect(ds.format).toBe('clinc-json');
    expect(ds.train).toContainEqual({ text: 'tell me a joke', label: null });
    expect(ds.validation).toEqual([
      { text: 'balance please', label: 'balance' },
      { text: 'weather today', label: null },
    ]);
    expect(ds.test.at(-1)).toEqual({ text: 'play music', label: null });
    const split = makeSplit(ds, { seed: 1, validationShare: 0.1, heldOutIntentShare: 0.25 });
    expect(split.heldOutIntents).toEqual([]);
    expect(split.validation).toHaveLength(2);
  });

  it('rejects malformed JSON pairs', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ train: [['ok', 'a'], ['missing label']], test: [['x', 'a']] }));
    expect(() => readDataset(file)).toThrow(/train\[1\] must be \[text, label\]/);
  });

  it('holds out a seeded validation share and a seeded share of intents as out-of-scope', () => {
    const train = Array.from({ length: 8 }, (_, k) =>
      Array.from({ length: 10 }, (_, i) => ({ text: `intent ${k} example ${i}`, label: `i${k}` })),
    ).flat();
    const test = Array.from({ length: 8 }, (_, k) => ({ text: `test ${k}`, label: `i${k}` }));
    const ds = { name: 'synthetic', format: 'csv' as const, train, test };
    const a = makeSplit(ds, { seed: 42, validationShare: 0.1, heldOutIntentShare: 0.25 });
    const b = makeSplit(ds, { seed: 42, validationShare: 0.1, heldOutIntentShare: 0.25 });
    expect(a).toEqual(b);
    expect(a.heldOutIntents).toHaveLength(2);
    expect(a.train.some((e) => a.heldOutIntents.includes(e.label!))).toBe(false);
    expect(a.validation).toHaveLength(8);
    expect(a.validation.filter((e) => e.label === null)).toHaveLength(2);
    expect(a.test.filter((e) => e.label === null)).toHaveLength(2);
    // The out-of-scope run trains on what validation left, without the held-out intents.
    expect(a.train).toHaveLength(72 - 18);
    // The all-intents run trains on the whole train set, validation hold-out included, and keeps the
    // hold-out (every intent labelled) for calibration.
    expect(a.allIntents?.train).toEqual(train);
    expect(a.allIntents?.validation).toHaveLength(8);
    expect(a.allIntents?.validation.every((e) => e.label !== null)).toBe(true);
    expect(a.allIntents?.test).toEqual(test);
    expect(a.notes.join('\n')).toContain('whole train set (80, the validation hold-out included)');
  });
});

describe('benchmark metrics', () => {
  it('computes AUROC with ties', () => {
    expect(auroc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(auroc([0.1], [0.9])).toBe(0);
    expect(auroc([0.5], [0.5])).toBe(0.5);
  });

  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
  });
});
