import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { postgresSchemaName, withPostgresDatabase } from './database-url.js';
import { createPostgresDatabase, dropPostgresDatabase } from './postgres-admin.js';

/** PostgreSQL's internal single-byte `"char"` type, used by catalog columns such as pg_constraint.contype. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/** The private parts of adapter-pg's queryables that the fixes below wrap. */
interface PgQueryableInternals {
  performIO(query: unknown): Promise<pg.QueryResult>;
  onError(error: unknown): never;
}

/**
 * adapter-pg set up for the schema engine:
 * - catalog columns of type `"char"` are reported as text (adapter-pg rejects OID 18,
 *   and the engine's schema describer reads them);
 * - a migration script runs as one multi-statement query, so PostgreSQL applies it in
 *   one implicit transaction (adapter-pg splits scripts on every `;`);
 * - the shadow database is a real, separate database, dropped when released
 *   (adapter-pg's own shadow database is the main one when given a URL string).
 */
export class PostgresMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  readonly #url: string;
  readonly #shadowDatabaseUrl: string | undefined;
  readonly #open = new Set<SqlDriverAdapter>();

  constructor(url: string, shadowDatabaseUrl?: string) {
    this.#url = url;
    this.#shadowDatabaseUrl = shadowDatabaseUrl;
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.#openAdapter(this.#url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (this.#shadowDatabaseUrl) return this.#openAdapter(this.#shadowDatabaseUrl);
    const shadowUrl = withPostgresDatabase(this.#url, `prisma_shadow_${randomUUID().replaceAll('-', '')}`);
    await createPostgresDatabase(shadowUrl);
    return this.#openAdapter(shadowUrl, () => dropPostgresDatabase(shadowUrl));
  }

  /** Releases every connection still open (and drops temporary shadow databases). */
  async disposeAll(): Promise<void> {
    await Promise.allSettled([...this.#open].map((adapter) => adapter.dispose()));
  }

  async #openAdapter(url: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const schema = postgresSchemaName(url);
    const adapter = await new PrismaPg({ connectionString: url }, schema ? { schema } : undefined).connect();
    reportCharAsText(adapter);
    runScriptsAsOneQuery(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      disposed ??= (async () => {
        this.#open.delete(adapter);
        await dispose();
        await afterDispose?.();
      })();
      return disposed;
    };
    this.#open.add(adapter);
    return adapter;
  }
}

function reportCharAsText(queryable: PgAdapter | Transaction): void {
  const internals = queryable as unknown as PgQueryableInternals;
  const performIO = internals.performIO.bind(queryable);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  if ('startTransaction' in queryable) {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      reportCharAsText(transaction);
      return transaction;
    };
  }
}

function runScriptsAsOneQuery(adapter: PgAdapter): void {
  const internals = adapter as unknown as PgQueryableInternals;
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
}
