import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { ConnectionGate } from './connection-gate.js';

type Factory = PrismaBetterSqlite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** The open connection Prisma's adapter keeps (`client` is a public field of its JS class). */
function connectionOf(adapter: Adapter): Database {
  const client = (adapter as unknown as { client?: Database }).client;
  if (!client || typeof client.prepare !== 'function') {
    throw new Error(
      'The better-sqlite3 adapter no longer exposes its connection; check @prisma/adapter-better-sqlite3',
    );
  }
  return client;
}

/**
 * Prisma's better-sqlite3 adapter, with every statement and transaction passing
 * through `gate`, so that hand-written statements on the same connection never
 * run inside a Prisma transaction (nor Prisma's inside theirs). `connection()`
 * gives the connection of the adapter Prisma connected last.
 */
export function gateSqliteAdapter(
  inner: Factory,
  gate: ConnectionGate,
): { factory: Factory; connection: () => Database; connect: () => Promise<void> } {
  let current: { gated: Adapter; db: Database } | null = null;

  // Prisma connects lazily and may connect again after a disconnect: one open adapter at a time.
  async function connectInner(): Promise<Adapter> {
    if (current) return current.gated;
    const adapter = await inner.connect();
    current = { gated: gated(adapter), db: connectionOf(adapter) };
    return current.gated;
  }

  function gated(adapter: Adapter): Adapter {
    const wrapped: Adapter = Object.create(adapter);
    wrapped.queryRaw = (query) => gate.run(() => adapter.queryRaw(query));
    wrapped.executeRaw = (query) => gate.run(() => adapter.executeRaw(query));
    wrapped.executeScript = (script) => gate.run(() => adapter.executeScript(script));
    wrapped.startTransaction = async (isolationLevel) => {
      const release = await gate.acquire();
      try {
        return releasing(await adapter.startTransaction(isolationLevel), connectionOf(adapter), release);
      } catch (error) {
        release();
        throw error;
      }
    };
    wrapped.dispose = () => {
      if (current?.gated === wrapped) current = null;
      return adapter.dispose();
    };
    return wrapped;
  }

  // The connection goes back to the gate outside any transaction: if Prisma's COMMIT or
  // ROLLBACK statement failed, the transaction is rolled back here.
  function releasing(tx: Transaction, db: Database, release: () => void): Transaction {
    const settle = () => {
      try {
        if (db.inTransaction) db.prepare('ROLLBACK').run();
      } finally {
        release();
      }
    };
    const wrapped: Transaction = Object.create(tx);
    wrapped.commit = () => tx.commit().finally(settle);
    wrapped.rollback = () => tx.rollback().finally(settle);
    return wrapped;
  }

  const factory: Factory = Object.create(inner);
  factory.connect = connectInner;
  factory.connectToShadowDb = () => inner.connectToShadowDb();
  return {
    factory,
    connection() {
      if (!current) throw new Error('The SQLite connection is not open yet');
      return current.db;
    },
    async connect() {
      await connectInner();
    },
  };
}
