import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/store/migrate.js';
import { type OpenDatabase, openDatabase } from '../../../src/store/prisma-client.js';

describe('SQLite write-ahead log checkpoints in the background', () => {
  let dir: string;
  let database: OpenDatabase | null = null;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hd-checkpoint-'));
  });
  afterEach(async () => {
    await database?.close();
    database = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves committed pages into the database file without the bot connection doing it', async () => {
    const file = path.join(dir, 'bot.db');
    await applyMigrations(`file:${file}`);
    database = await openDatabase(`file:${file}`, { backgroundCheckpoints: pino({ level: 'silent' }) });
    const { sql } = database;
    const before = statSync(file).size;
    // ~600 pages of events: fewer than SQLite checkpoints after by default (1000), so only the worker moves them.
    const filler = 'x'.repeat(4000);
    for (let batch = 0; batch < 3; batch++) {
      await sql.transaction(async (tx) => {
        for (let i = 0; i < 100; i++) {
          await tx.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
            `${batch}-${i}-${filler}`,
            sql.date(new Date()),
          ]);
        }
      });
    }
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 1_500_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 1_500_000);
    const count = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM "ProcessedEvent"');
    expect(Number(count?.n)).toBe(300);
  });
});
