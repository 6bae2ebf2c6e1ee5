import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One labelled utterance; `label` is null for an out-of-scope message. */
export interface LabelledText {
  readonly text: string;
  readonly label: string | null;
}

/** A benchmark data set as read from disk, before any split of our own. */
export interface RawDataset {
  readonly name: string;
  readonly format: 'csv' | 'clinc-json';
  readonly train: LabelledText[];
  /** Absent when the data set has no validation split (then a share of train is held out). */
  readonly validation?: LabelledText[];
  readonly test: LabelledText[];
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsvFile(path: string): LabelledText[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const textCol = header?.indexOf('text') ?? -1;
  const labelCol = header?.indexOf('category') ?? -1;
  if (textCol < 0 || labelCol < 0) throw new Error(`${path}: expected a header with "text" and "category"`);
  return rows
    .filter((r) => r.length > Math.max(textCol, labelCol))
    .map((r) => ({ text: r[textCol]!, label: r[labelCol]! }));
}

function readPairs(value: unknown, where: string, outOfScope: boolean): LabelledText[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where} must be an array of [text, label]`);
  return value.map((pair, i) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new Error(`${where}[${i}] must be [text, label]`);
    }
    return { text: pair[0], label: outOfScope || pair[1] === 'oos' ? null : pair[1] };
  });
}

/** Reads a CLINC150-style JSON file: train/val/test plus oos_train/oos_val/oos_test arrays of [text, label]. */
export function readClincJson(path: string): RawDataset {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const part = (name: string) => [
    ...readPairs(data[name], `${path}: ${name}`, false),
    ...readPairs(data[`oos_${name}`], `${path}: oos_${name}`, true),
  ];
  const train = part('train');
  const test = part('test');
  if (train.length === 0 || test.length === 0) throw new Error(`${path}: needs non-empty "train" and "test"`);
  const validation = part('val');
  return {
    name: path.replace(/^.*\//, '').replace(/\.json$/, ''),
    format: 'clinc-json',
    train,
    test,
    ...(validation.length > 0 ? { validation } : {}),
  };
}

/** Reads a CSV folder (train.csv/test.csv, optional validation.csv) or a CLINC150-style JSON file. */
export function readDataset(path: string): RawDataset {
  if (statSync(path).isDirectory()) {
    const name = path.replace(/\/+$/, '').replace(/^.*\//, '');
    let validation: LabelledText[] | undefined;
    try {
      validation = readCsvFile(join(path, 'validation.csv'));
    } catch {
      validation = undefined;
    }
    return {
      name,
      format: 'csv',
      train: readCsvFile(join(path, 'train.csv')),
      test: readCsvFile(join(path, 'test.csv')),
      ...(validation ? { validation } : {}),
    };
  }
  return readClincJson(path);
}
