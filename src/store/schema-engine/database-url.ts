import path from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** Which database a URL names: `file:` is SQLite, `postgres://`/`postgresql://` is PostgreSQL. */
export function databaseProviderOf(url: string): DatabaseProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`Unsupported database URL "${redactUrl(url)}": use file:<path> or postgresql://...`);
}

/**
 * Path of the SQLite file a `file:` URL names. Relative paths resolve against
 * `baseDir` (default: the working directory); query parameters are ignored.
 */
export function sqliteFilePath(url: string, baseDir = process.cwd()): string {
  const file = decodeURIComponent(url.slice('file:'.length).replace(/\?.*$/, ''));
  if (file === ':memory:') return file;
  return path.resolve(baseDir, file);
}

/** The database name in a PostgreSQL URL. */
export function postgresDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`No database name in "${redactUrl(url)}"`);
  return name;
}

/** The same server and credentials, another database. */
export function withPostgresDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The `schema` query parameter of a PostgreSQL URL (Prisma's convention), if any. */
export function postgresSchemaName(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined;
}

/** A URL safe to print: the password is replaced. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@/]*@/, '$1***@');
}

/** Quotes an SQL identifier (PostgreSQL and SQLite). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
