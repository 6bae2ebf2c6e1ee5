import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
  /** corpus id → graded relevance */
  relevant: Map<string, number>;
}

export interface BeirDataset {
  name: string;
  documents: BeirDocument[];
  /** Only queries that have judgements. */
  queries: BeirQuery[];
}

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Reads a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv) in place. */
export function loadBeirDataset(dir: string): BeirDataset {
  const documents = readJsonLines<{ _id: string; title?: string; text?: string }>(
    join(dir, 'corpus.jsonl'),
  ).map((d) => ({ id: String(d._id), title: d.title ?? '', text: d.text ?? '' }));
  const judgements = new Map<string, Map<string, number>>();
  const lines = readFileSync(join(dir, 'qrels', 'test.tsv'), 'utf8')
    .split('\n')
    .slice(1);
  for (const line of lines) {
    const [queryId, docId, score] = line.trim().split('\t');
    if (!queryId || !docId) continue;
    const rel = Number(score ?? '1');
    if (rel <= 0) continue;
    const map = judgements.get(queryId) ?? new Map<string, number>();
    map.set(docId, rel);
    judgements.set(queryId, map);
  }
  const queries = readJsonLines<{ _id: string; text: string }>(join(dir, 'queries.jsonl'))
    .map((q) => ({ id: String(q._id), text: q.text, relevant: judgements.get(String(q._id)) }))
    .filter((q): q is BeirQuery => q.relevant !== undefined);
  return { name: dir.replace(/\/+$/, '').split('/').pop() ?? dir, documents, queries };
}
