import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from '@prisma/driver-adapter-utils';

/**
 * adapter-better-sqlite3 for the schema engine, on an absolute file path.
 * - The main database is opened on first use (its folder created then): the engine
 *   connects when it starts, even for commands that only use the shadow database
 *   (`migrate diff --from-migrations`), which must not leave an empty file behind.
 * - Multi-statement SQL sent as one raw query (the engine replays migration files
 *   that way on the shadow database) runs as a script: better-sqlite3 prepares one
 *   statement at a time and rejects such SQL before running any of it.
 * - Connections are tracked so a session can close them all: the engine holds its
 *   connection in `locking_mode=EXCLUSIVE`, which locks the file until it is closed.
 */
export class SqliteMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'sqlite' as const;
  readonly adapterName = '@prisma/adapter-better-sqlite3';
  readonly #filePath: string;
  readonly #inner: PrismaBetterSqlite3;
  readonly #open = new Set<SqlDriverAdapter>();

  constructor(filePath: string, shadowFilePath?: string) {
    this.#filePath = filePath;
    this.#inner = new PrismaBetterSqlite3(
      { url: filePath, timeout: 5000 },
      shadowFilePath ? { shadowDatabaseUrl: shadowFilePath } : undefined,
    );
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.#track(
      new LazySqliteAdapter(() => {
        if (this.#filePath !== ':memory:') mkdirSync(path.dirname(this.#filePath), { recursive: true });
        return this.#inner.connect();
      }),
    );
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#track(await this.#inner.connectToShadowDb());
  }

  async disposeAll(): Promise<void> {
    await Promise.allSettled([...this.#open].map((adapter) => adapter.dispose()));
  }

  #track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    runMultiStatementQueriesAsScripts(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      disposed ??= (async () => {
        this.#open.delete(adapter);
        await dispose();
      })();
      return disposed;
    };
    this.#open.add(adapter);
    return adapter;
  }
}

function runMultiStatementQueriesAsScripts(adapter: SqlDriverAdapter): void {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (!isMultiStatementQuery(query, error)) throw error;
      await adapter.executeScript(query.sql);
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!isMultiStatementQuery(query, error)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
}

function isMultiStatementQuery(query: SqlQuery, error: unknown): boolean {
  return (
    query.args.length === 0 && /more than one statement/.test((error as Error | undefined)?.message ?? '')
  );
}

/** Opens the real connection when the engine first uses it. */
class LazySqliteAdapter implements SqlDriverAdapter {
  readonly provider = 'sqlite' as const;
  readonly adapterName = '@prisma/adapter-better-sqlite3';
  readonly #open: () => Promise<SqlDriverAdapter>;
  #adapter: Promise<SqlDriverAdapter> | undefined;

  constructor(open: () => Promise<SqlDriverAdapter>) {
    this.#open = open;
  }

  #get(): Promise<SqlDriverAdapter> {
    this.#adapter ??= this.#open();
    return this.#adapter;
  }

  async queryRaw(query: SqlQuery) {
    return (await this.#get()).queryRaw(query);
  }

  async executeRaw(query: SqlQuery) {
    return (await this.#get()).executeRaw(query);
  }

  async executeScript(script: string) {
    return (await this.#get()).executeScript(script);
  }

  async startTransaction(isolationLevel?: IsolationLevel) {
    return (await this.#get()).startTransaction(isolationLevel);
  }

  async dispose() {
    if (this.#adapter) await (await this.#adapter).dispose();
  }
}
