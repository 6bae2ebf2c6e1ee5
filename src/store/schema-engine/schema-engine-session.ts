import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { databaseProviderOf, sqliteFilePath } from './database-url.js';
import { PostgresMigrationAdapterFactory } from './postgres-migration-adapter.js';
import { SqliteMigrationAdapterFactory } from './sqlite-migration-adapter.js';
import { lastPanicMessage, loadSchemaEngineWasm } from './wasm-module.js';

export interface SchemaEngineSessionOptions {
  /** The database the engine works on. */
  readonly url: string;
  /** A database the engine may wipe to replay migrations; default: a temporary one. */
  readonly shadowDatabaseUrl?: string;
  /** Relative SQLite paths resolve against this folder (default: working directory). */
  readonly baseDir?: string;
  /** Prisma schema files as [path, content]; needed by commands that read the schema. */
  readonly datamodels?: [string, string][];
  /** Receives the engine's log lines (JSON, as the native engine writes them to stderr). */
  readonly onLog?: (line: string) => void;
}

export interface SchemaEngineSession {
  readonly engine: SchemaEngine;
  /** Turns what an engine call threw into a SchemaEngineError, with the driver's own error when it caused it. */
  toError(error: unknown): SchemaEngineError;
  /** Frees the engine and closes every connection it opened. */
  close(): Promise<void>;
}

/** An error reported by the schema engine, with Prisma's error code when it has one. */
export class SchemaEngineError extends Error {
  override name = 'SchemaEngineError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly isPanic: boolean,
  ) {
    super(message);
  }
}

/** Opens the WebAssembly schema engine on a driver adapter for `url`. */
export async function openSchemaEngine(options: SchemaEngineSessionOptions): Promise<SchemaEngineSession> {
  const factory = createAdapterFactory(options);
  const bindings = await loadSchemaEngineWasm();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await bindings.SchemaEngine.new(
    // The engine expects either no datamodels or a non-empty list.
    { datamodels: options.datamodels?.length ? options.datamodels : undefined },
    options.onLog ?? (() => {}),
    bound,
  ).catch(async (error: unknown) => {
    await factory.disposeAll();
    throw toSchemaEngineError(error, bound.errorRegistry);
  });
  let closed = false;
  return {
    engine,
    toError: (error) => toSchemaEngineError(error, bound.errorRegistry),
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      await factory.disposeAll();
    },
  };
}

function createAdapterFactory(options: SchemaEngineSessionOptions) {
  const { url, shadowDatabaseUrl, baseDir } = options;
  if (databaseProviderOf(url) === 'sqlite') {
    const shadow = shadowDatabaseUrl ? sqliteFilePath(shadowDatabaseUrl, baseDir) : undefined;
    return new SqliteMigrationAdapterFactory(sqliteFilePath(url, baseDir), shadow);
  }
  return new PostgresMigrationAdapterFactory(url, shadowDatabaseUrl);
}

/**
 * Normalises what the wasm engine throws: connector errors (with a Prisma code),
 * panics, and "External error id#N", a JavaScript error thrown by the driver
 * adapter and kept in the adapter's error registry.
 */
export function toSchemaEngineError(error: unknown, registry?: ErrorRegistry): SchemaEngineError {
  if (error instanceof SchemaEngineError) return error;
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: unknown };
  if (name === 'RuntimeError' && /unreachable/.test(message ?? '')) {
    return new SchemaEngineError(`Schema engine panicked: ${lastPanicMessage() ?? message}`, undefined, true);
  }
  const external = /External error id#(\d+)/.exec(message ?? '');
  const record = external && registry?.consumeError(Number(external[1]));
  if (record) {
    const cause = record.error as { message?: string; code?: unknown } | undefined;
    const detail = cause?.message ?? String(record.error);
    return new SchemaEngineError(`Database driver error: ${detail}`, undefined, false);
  }
  return new SchemaEngineError(message ?? String(error), typeof code === 'string' ? code : undefined, false);
}
