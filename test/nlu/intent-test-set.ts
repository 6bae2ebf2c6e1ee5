import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One labelled message of test/data/intent-test-set.yml ('none' = out of scope). */
export interface IntentTestMessage {
  readonly text: string;
  readonly intent: string;
}

/** Reads the intent test set (grouped by expected intent) as a flat list. */
export function readIntentTestSet(path: string): IntentTestMessage[] {
  const data = parse(readFileSync(path, 'utf8')) as { messages: Record<string, string[]> };
  return Object.entries(data.messages).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));
}
