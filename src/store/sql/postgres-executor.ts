import { createHash } from 'node:crypto';
import pg from 'pg';
import type { SqlExecutor, SqlStatements, SqlValue } from './sql-executor.js';

const TIMESTAMP = 1114;
const INT8 = 20;

/**
 * Prisma's PostgreSQL columns are `timestamp(3)` without a time zone, holding UTC;
 * pg would read them as local time. BIGINT counts come back as numbers.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    if (oid === INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

interface Prepared {
  readonly name: string;
  readonly text: string;
}

/** The hand-written statements on PostgreSQL: the pool Prisma's adapter uses, named prepared statements. */
export function createPostgresExecutor(pool: pg.Pool): SqlExecutor {
  const prepared = new Map<string, Prepared>();

  function statement(sql: string): Prepared {
    let hit = prepared.get(sql);
    if (!hit) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      hit = { name: `hd_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
      prepared.set(sql, hit);
    }
    return hit;
  }

  function on(client: pg.Pool | pg.PoolClient): SqlStatements {
    const query = (sql: string, params: readonly SqlValue[] = []) => {
      const { name, text } = statement(sql);
      return client.query({ name, text, values: [...params], types });
    };
    return {
      all: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as Row[],
      get: async <Row>(sql: string, params?: readonly SqlValue[]) =>
        ((await query(sql, params)).rows[0] as Row | undefined) ?? null,
      run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    };
  }

  const top = on(pool);
  return {
    provider: 'postgresql',
    ...top,
    async transaction(work) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        try {
          const result = await work(on(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError;
          });
          throw error;
        }
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    date: (value) => value.toISOString(),
    bool: (value) => value,
  };
}
