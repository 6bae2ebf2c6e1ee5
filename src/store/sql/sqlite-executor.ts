import type { Database, Statement } from 'better-sqlite3';
import type { ConnectionGate } from './connection-gate.js';
import type { SqlExecutor, SqlStatements, SqlValue } from './sql-executor.js';

/**
 * The hand-written statements on SQLite: better-sqlite3 on Prisma's own
 * connection (see `gated-sqlite-adapter.ts`), prepared once and cached.
 */
export function createSqliteExecutor(connection: () => Database, gate: ConnectionGate): SqlExecutor {
  const cache = new Map<string, { db: Database; statement: Statement }>();

  function prepare(sql: string): Statement {
    const db = connection();
    const hit = cache.get(sql);
    if (hit && hit.db === db) return hit.statement;
    const statement = db.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    cache.set(sql, { db, statement });
    return statement;
  }

  // Each runs synchronously on the connection; the caller owns the gate or it is free.
  const direct: SqlStatements = {
    all: <Row>(sql: string, params: readonly SqlValue[] = []) =>
      Promise.resolve(prepare(sql).all(...params) as Row[]),
    get: <Row>(sql: string, params: readonly SqlValue[] = []) =>
      Promise.resolve(((prepare(sql).get(...params) as Row | undefined) ?? null) as Row | null),
    run: (sql: string, params: readonly SqlValue[] = []) => {
      const statement = prepare(sql);
      if (statement.reader) return Promise.resolve(statement.all(...params).length);
      return Promise.resolve(statement.run(...params).changes);
    },
  };
  const attempt = <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return work();
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    provider: 'sqlite',
    all: (sql, params) => gate.run(() => attempt(() => direct.all(sql, params))),
    get: (sql, params) => gate.run(() => attempt(() => direct.get(sql, params))),
    run: (sql, params) => gate.run(() => attempt(() => direct.run(sql, params))),
    async transaction(work) {
      const release = await gate.acquire();
      try {
        prepare('BEGIN IMMEDIATE').run();
        try {
          const result = await work(direct);
          prepare('COMMIT').run();
          return result;
        } catch (error) {
          if (connection().inTransaction) prepare('ROLLBACK').run();
          throw error;
        }
      } finally {
        release();
      }
    },
    date: (value) => value.toISOString().replace('Z', '+00:00'),
    bool: (value) => (value ? 1 : 0),
  };
}
