import type { DatabaseProvider } from '../schema-engine/database-url.js';

/** A value a statement takes: dates go through `SqlExecutor.date`. */
export type SqlValue = string | number | bigint | boolean | null;

/** Statements on one connection (or inside one transaction). SQL uses `?` placeholders and double-quoted names, valid on both databases. */
export interface SqlStatements {
  /** Every row, as objects keyed by column name. */
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row, or null. */
  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | null>;
  /** Runs a write; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/**
 * Hand-written SQL on the same connection(s) the Prisma client uses, for the
 * statements every turn runs (conversation state, messages, event dedupe): the
 * Prisma client spends 0.3–0.5 ms of CPU per statement here, which bounds a
 * turn's throughput; a cached prepared statement costs a few microseconds.
 * The schema and its migrations stay Prisma's; every other query uses Prisma.
 */
export interface SqlExecutor extends SqlStatements {
  readonly provider: DatabaseProvider;
  /** Runs `work` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlStatements) => Promise<T>): Promise<T>;
  /** A date as the database stores it (as Prisma writes it). */
  date(value: Date): string;
  /** A boolean as the database stores it (SQLite: 0 or 1). */
  bool(value: boolean): SqlValue;
}

/** A date column read back: SQLite gives Prisma's ISO text, PostgreSQL (through our parser) the same. */
export function readDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(String(value));
}

export function readOptionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : readDate(value);
}
