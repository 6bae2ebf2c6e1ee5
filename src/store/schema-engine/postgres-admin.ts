import pg from 'pg';
import { postgresDatabaseName, quoteIdentifier, withPostgresDatabase } from './database-url.js';

/** PostgreSQL's code for "database does not exist" (invalid_catalog_name). */
const UNKNOWN_DATABASE = '3D000';

/**
 * Runs `work` on a connection to a database that always exists on the server of
 * `url` (`postgres`, else `template1`, else the URL's own database), for
 * statements such as CREATE/DROP DATABASE that cannot run inside the target.
 */
export async function withMaintenanceConnection<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  let lastError: unknown;
  for (const database of ['postgres', 'template1', postgresDatabaseName(url)]) {
    const client = new pg.Client({ connectionString: withPostgresDatabase(url, database) });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      continue;
    }
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

/** Whether the database named in `url` exists; other connection errors are thrown. */
export async function postgresDatabaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (isUnknownDatabase(error)) return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database named in `url`, optionally as a copy of `template`. */
export async function createPostgresDatabase(url: string, template?: string): Promise<void> {
  const name = postgresDatabaseName(url);
  const templateClause = template ? ` TEMPLATE ${quoteIdentifier(template)}` : '';
  await withMaintenanceConnection(url, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)}${templateClause}`),
  );
}

/** Drops the database named in `url`, closing its other connections first. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = postgresDatabaseName(url);
  await withMaintenanceConnection(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

export function isUnknownDatabase(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNKNOWN_DATABASE;
}
