import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BotError } from './errors.js';

/**
 * Every user-visible sentence, loaded from content/responses/*.yml.
 * A file `tickets.yml` with key `created` is looked up as `tickets.created`.
 * A value may be a list of variants; one is picked at random (greetings).
 */
export interface Responses {
  /** Text for `key` with `{name}` placeholders filled; throws on an unknown key. */
  t(key: string, vars?: Readonly<Record<string, string | number>>): string;
  has(key: string): boolean;
}

export async function loadResponses(dir: string, random: () => number = Math.random): Promise<Responses> {
  const table = new Map<string, readonly string[]>();
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yml')).sort();
  for (const file of files) {
    const namespace = file.replace(/\.yml$/, '');
    const data: unknown = parse(await readFile(join(dir, file), 'utf8'));
    flatten(data, namespace, table, join(dir, file));
  }
  return createResponses(table, random);
}

export function createResponses(
  table: ReadonlyMap<string, readonly string[]>,
  random: () => number = Math.random,
): Responses {
  return {
    has: (key) => table.has(key),
    t(key, vars = {}) {
      const variants = table.get(key);
      if (!variants || variants.length === 0)
        throw new BotError('content_invalid', `No response text for "${key}"`);
      const text = variants[Math.floor(random() * variants.length)] ?? variants[0]!;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    },
  };
}

function flatten(value: unknown, prefix: string, table: Map<string, readonly string[]>, file: string): void {
  if (typeof value === 'string') {
    table.set(prefix, [value.trimEnd()]);
  } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    table.set(
      prefix,
      value.map((v: string) => v.trimEnd()),
    );
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, table, file);
  } else {
    throw new BotError('content_invalid', `${file}: "${prefix}" must be a text or a list of texts`);
  }
}
