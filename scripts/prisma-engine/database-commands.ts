import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DiffParams } from '@prisma/schema-engine-wasm';
import {
  databaseProviderOf,
  postgresDatabaseName,
  sqliteFilePath,
  withPostgresDatabase,
} from '../../src/store/schema-engine/database-url.js';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresDatabaseExists,
} from '../../src/store/schema-engine/postgres-admin.js';

/** A user-facing error with Prisma's code, as the native engine reports it. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `cli can-connect-to-database`: P1003 when the database is missing, so the CLI offers to create it. */
export async function canConnectToDatabase(url: string): Promise<void> {
  if (databaseProviderOf(url) === 'sqlite') {
    const file = sqliteFilePath(url);
    if (file !== ':memory:' && !existsSync(file)) {
      throw new UserFacingError('P1003', `Database \`${path.basename(file)}\` does not exist at \`${file}\``);
    }
    return;
  }
  const exists = await postgresDatabaseExists(url).catch((error: unknown) => {
    throw connectionError(url, error);
  });
  if (!exists) {
    const { host, port } = new URL(url);
    throw new UserFacingError(
      'P1003',
      `Database \`${postgresDatabaseName(url)}\` does not exist on the database server at \`${host}:${port || 5432}\`.`,
    );
  }
}

/** `cli create-database` and the `createDatabase` RPC: returns the database name. */
export async function createDatabase(url: string): Promise<string> {
  if (databaseProviderOf(url) === 'sqlite') {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    if (!existsSync(file)) writeFileSync(file, '');
    return path.basename(file);
  }
  await createPostgresDatabase(url).catch((error: unknown) => {
    throw connectionError(url, error);
  });
  return postgresDatabaseName(url);
}

/** `cli drop-database`. */
export async function dropDatabase(url: string): Promise<void> {
  if (databaseProviderOf(url) === 'sqlite') {
    const file = sqliteFilePath(url);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    return;
  }
  await dropPostgresDatabase(url);
}

/** Whether a diff reads the live database (`--from/--to-config-datasource`, a URL). */
export function readsDatasource(params: DiffParams): boolean {
  return [params.from.tag, params.to.tag].some((tag) => tag === 'url' || tag === 'schemaDatasource');
}

/** The database to start the engine on for a diff that does not read the datasource. */
export async function databaseForStandaloneDiff(url: string): Promise<string> {
  if (databaseProviderOf(url) === 'sqlite' || (await postgresDatabaseExists(url))) return url;
  return withPostgresDatabase(url, 'postgres');
}

function connectionError(url: string, error: unknown): Error {
  const { code, message } = error as { code?: string; message?: string };
  const { host, port } = new URL(url);
  const where = `${host}:${port || 5432}`;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return new UserFacingError('P1001', `Can't reach database server at \`${where}\``);
  }
  if (code === '28P01' || code === '28000') {
    return new UserFacingError(
      'P1000',
      `Authentication failed against database server at \`${where}\`: ${message}`,
    );
  }
  if (code === '42P04') {
    return new UserFacingError(
      'P1009',
      `Database \`${postgresDatabaseName(url)}\` already exists on the database server at \`${where}\``,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
