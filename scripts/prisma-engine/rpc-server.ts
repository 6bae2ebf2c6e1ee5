import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type {
  CreateMigrationInput,
  CreateMigrationOutput,
  DiffParams,
  EvaluateDataLossInput,
  SchemaEngine,
} from '@prisma/schema-engine-wasm';
import { databaseProviderOf } from '../../src/store/schema-engine/database-url.js';
import {
  openSchemaEngine,
  type SchemaEngineSession,
  toSchemaEngineError,
} from '../../src/store/schema-engine/schema-engine-session.js';
import {
  createDatabase,
  databaseForStandaloneDiff,
  dropDatabase,
  readsDatasource,
  UserFacingError,
} from './database-commands.js';
import { createMigrationByDiff, evaluateDataLossByDiff, SQLITE_MIGRATIONS_TABLE } from './dev-commands.js';
import type { EngineArguments } from './engine-arguments.js';
import { forwardEngineLog } from './engine-log.js';

interface RpcRequest {
  readonly jsonrpc: '2.0';
  readonly id: number;
  readonly method: string;
  readonly params?: Record<string, unknown>;
}

interface RpcResponse {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
}

/** Engine methods forwarded unchanged (same names and params in the CLI and the wasm engine). */
const forwarded = [
  'applyMigrations',
  'dbExecute',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'ensureConnectionValidity',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'schemaPush',
] as const satisfies readonly (keyof SchemaEngine)[];

type ForwardedMethod = (typeof forwarded)[number];

/** Methods that read `_prisma_migrations`, which must exist first on SQLite (see dev-commands.ts). */
const readsMigrationsTable: readonly string[] = [
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'markMigrationApplied',
  'markMigrationRolledBack',
];

/**
 * The native schema engine's JSON-RPC protocol on stdin/stdout (one JSON message a
 * line), served by the wasm engine. Requests are handled one at a time, in order.
 */
export function serveJsonRpc(args: EngineArguments): void {
  const url = args.datasource?.url;
  let session: Promise<SchemaEngineSession> | undefined;
  const open = (sessionUrl: string) =>
    openSchemaEngine({
      url: sessionUrl,
      shadowDatabaseUrl: args.datasource?.shadowDatabaseUrl,
      datamodels: args.datamodels.map((file): [string, string] => [file, readFileSync(file, 'utf8')]),
      onLog: forwardEngineLog,
    });
  const engine = async () => {
    if (!url)
      throw new Error('The schema engine needs a datasource URL (datasource.url in prisma.config.ts).');
    session ??= open(url);
    return (await session).engine;
  };
  /**
   * A diff between migrations and schema files never reads the datasource, but the
   * wasm engine queries its database when it starts; a PostgreSQL database that does
   * not exist yet is replaced by the server's maintenance database for such a diff.
   */
  const diff = async (params: DiffParams) => {
    if (session || !url || readsDatasource(params)) return (await engine()).diff(params);
    const diffSession = await open(await databaseForStandaloneDiff(url));
    try {
      return await diffSession.engine.diff(params).catch((error: unknown) => {
        throw diffSession.toError(error);
      });
    } finally {
      await diffSession.close();
    }
  };

  const pendingPrints = new Map<number, () => void>();
  let nextPrintId = 1_000_000;
  const send = (message: object) =>
    process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  /** The CLI prints what it is sent as a `print` request and answers it. */
  const print = (content: string) =>
    new Promise<void>((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, resolve);
      send({ id, method: 'print', params: { content } });
    });

  const handle = async (request: RpcRequest): Promise<unknown> => {
    const params = request.params ?? {};
    const method = request.method;
    if ((forwarded as readonly string[]).includes(method)) {
      const e = await engine();
      if (url && databaseProviderOf(url) === 'sqlite' && readsMigrationsTable.includes(method)) {
        await e.dbExecute({ datasourceType: { tag: 'url', url }, script: SQLITE_MIGRATIONS_TABLE });
      }
      // Called on the engine object: the wasm bindings need `this`.
      return (e[method as ForwardedMethod] as (input: unknown) => Promise<unknown>).call(e, params);
    }
    switch (method) {
      case 'diff': {
        const { stdout, exitCode } = await diff(params as unknown as DiffParams);
        if (stdout) await print(stdout.replace(/\n$/, ''));
        return { exitCode };
      }
      case 'reset':
        if (url && databaseProviderOf(url) === 'sqlite') {
          // The wasm engine resets SQLite by deleting from sqlite_master, which
          // better-sqlite3's defensive mode silently ignores: replace the file instead.
          const open = session;
          session = undefined;
          if (open) await (await open).close();
          await dropDatabase(url);
          await createDatabase(url);
          return {};
        }
        return (await engine()).reset(params as unknown as Parameters<SchemaEngine['reset']>[0]);
      case 'createMigration':
        return createMigrationByDiff(
          await engine(),
          params as unknown as CreateMigrationInput,
          connectorType(url),
        );
      case 'evaluateDataLoss':
        return evaluateDataLossByDiff(await engine(), params as unknown as EvaluateDataLossInput);
      case 'getDatabaseVersion':
        return (await engine()).version();
      case 'createDatabase': {
        const datasource = params.datasource as { tag: string; url?: string } | undefined;
        const target = datasource?.tag === 'ConnectionString' && datasource.url ? datasource.url : url;
        if (!target) throw new Error('createDatabase: no datasource URL');
        return { databaseName: await createDatabase(target) };
      }
      case 'debugPanic':
        return (await engine()).debugPanic();
      default:
        throw new Error(`The offline schema engine does not support \`${method}\`.`);
    }
  };

  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line) as RpcRequest | RpcResponse;
    if (!('method' in message)) {
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      try {
        send({ id: message.id, result: (await handle(message)) ?? {} });
      } catch (error) {
        send({
          id: message.id,
          error: toRpcError(error, session ? await session.catch(() => undefined) : undefined),
        });
      }
    });
  });
  lines.on('close', () => {
    void queue
      .then(async () => (session ? (await session).close() : undefined))
      .finally(() => process.exit(0));
  });
}

function connectorType(url: string | undefined): CreateMigrationOutput['connectorType'] {
  return url && databaseProviderOf(url) === 'sqlite' ? 'sqlite' : 'postgresql';
}

function toRpcError(error: unknown, session: SchemaEngineSession | undefined) {
  if (error instanceof UserFacingError) {
    return rpcError(error.message, { error_code: error.code });
  }
  const engineError = session ? session.toError(error) : toSchemaEngineError(error);
  if (engineError.isPanic) {
    return rpcError(engineError.message, { is_panic: true, error: { message: engineError.message } });
  }
  return rpcError(engineError.message, engineError.code ? { error_code: engineError.code } : {});
}

function rpcError(message: string, data: Record<string, unknown>) {
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, meta: {}, ...data },
  };
}
