import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type IntentDefinition, intentFileSchema } from './intent-definition.js';
import { normaliseExample } from './normalise-example.js';

/** One problem found in an intent file, with the 1-based line it points at. */
export interface IntentFileProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Thrown when intent files are invalid; the message lists every problem as `file:line: message`. */
export class IntentValidationError extends Error {
  constructor(readonly problems: readonly IntentFileProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    this.name = 'IntentValidationError';
  }
}

export interface LoadedIntents {
  readonly definitions: IntentDefinition[];
  /** SHA-256 over every file's name and content, for model caching. */
  readonly hash: string;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function lineOf(doc: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>): number {
  // Walk up to the nearest node that exists (a missing key points at its parent mapping).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as Array<string | number>, true) as {
      range?: [number, number, number];
    };
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const where = formatPath(issue.path);
    return `${where ? `${where}: ` : ''}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  }
  const where = formatPath(issue.path);
  return where ? `${where} ${issue.message}` : issue.message;
}

/** Parses and validates one intent file's text; `file` is the name used in messages. */
export function parseIntentFile(
  file: string,
  source: string,
): { definition?: IntentDefinition; problems: IntentFileProblem[]; exampleLines: number[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? 1,
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
      exampleLines: [],
    };
  }
  const parsed = intentFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      return { file, line: lineOf(doc, lines, path), message: describeIssue(issue) };
    });
    return { problems, exampleLines: [] };
  }
  const data = parsed.data;
  const problems: IntentFileProblem[] = [];
  const expected = basename(file).replace(/\.ya?ml$/, '');
  if (data.name !== expected) {
    problems.push({
      file,
      line: lineOf(doc, lines, ['name']),
      message: `name "${data.name}" must match the file name "${expected}"`,
    });
  }
  const seen = new Map<string, number>();
  data.examples.forEach((example, i) => {
    const key = normaliseExample(example);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line: lineOf(doc, lines, ['examples', i]),
        message: `examples[${i}] repeats examples[${first}]`,
      });
    } else seen.set(key, i);
  });
  const exampleLines = data.examples.map((_, i) => lineOf(doc, lines, ['examples', i]));
  return { definition: { ...data, file }, problems, exampleLines };
}

/**
 * Reads every `*.yml`/`*.yaml` file in `dir`, validates it, and checks across files (unique names, no
 * example under two intents). Throws IntentValidationError listing every problem.
 */
export async function loadIntentDefinitions(dir: string): Promise<LoadedIntents> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const label = basename(dir);
  const hash = createHash('sha256');
  const definitions: Array<{ definition: IntentDefinition; exampleLines: number[] }> = [];
  const problems: IntentFileProblem[] = [];
  for (const name of files) {
    const source = await readFile(join(dir, name), 'utf8');
    hash.update(`${name}\u0000${source}\u0000`);
    const result = parseIntentFile(`${label}/${name}`, source);
    problems.push(...result.problems);
    if (result.definition)
      definitions.push({ definition: result.definition, exampleLines: result.exampleLines });
  }
  if (files.length === 0) problems.push({ file: label, line: 1, message: 'no intent files (*.yml) found' });
  const owner = new Map<string, string>();
  const names = new Set<string>();
  for (const { definition: d, exampleLines } of definitions) {
    if (names.has(d.name))
      problems.push({ file: d.file, line: 1, message: `intent ${d.name} is declared twice` });
    names.add(d.name);
    d.examples.forEach((example, i) => {
      const key = normaliseExample(example);
      const other = owner.get(key);
      if (other && other !== d.name) {
        problems.push({
          file: d.file,
          line: exampleLines[i] ?? 1,
          message: `examples[${i}] "${example}" is also an example of ${other}`,
        });
      } else owner.set(key, d.name);
    });
  }
  if (problems.length > 0) throw new IntentValidationError(problems);
  return { definitions: definitions.map((d) => d.definition), hash: hash.digest('hex') };
}
