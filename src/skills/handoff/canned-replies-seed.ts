import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { BotError } from '../../core/errors.js';
import type { CannedReplyRecord } from '../../store/handoff-canned-replies.js';

/** content/seed/canned-replies.yml of this checkout. */
export const defaultCannedRepliesFile = fileURLToPath(
  new URL('../../../content/seed/canned-replies.yml', import.meta.url),
);

const schema = z.array(
  z.object({
    name: z.string().regex(/^[a-z0-9-]{1,60}$/, 'lower-case words joined by "-"'),
    text: z.string().min(1).max(4000),
    teamId: z.string().optional(),
  }),
);

/** Reads and checks the canned replies seed; a mistake stops the start with the file and entry named. */
export async function readCannedReplies(file: string): Promise<CannedReplyRecord[]> {
  const parsed = schema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BotError(
      'content_invalid',
      `${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data.map((r) => ({ name: r.name, text: r.text, teamId: r.teamId ?? null }));
}
