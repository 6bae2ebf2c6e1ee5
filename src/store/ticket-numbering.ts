import type { DatabaseProvider, Db } from './prisma-client.js';

/** Ticket numbers users see start here, so "#1000" never looks like a test ticket. */
export const FIRST_TICKET_ID = 1000;

/**
 * Moves the ticket id counter to FIRST_TICKET_ID when it is still below it; does
 * nothing once tickets have real numbers, so every instance may call it at start.
 * SQLite keeps AUTOINCREMENT counters in `sqlite_sequence`; PostgreSQL in the
 * column's serial sequence.
 */
export async function ensureTicketNumbering(db: Db, provider: DatabaseProvider): Promise<void> {
  const floor = FIRST_TICKET_ID - 1;
  if (provider === 'sqlite') {
    await db.$transaction([
      db.$executeRawUnsafe(
        `INSERT INTO sqlite_sequence (name, seq) SELECT 'Ticket', ${floor}
         WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'Ticket')`,
      ),
      db.$executeRawUnsafe(
        `UPDATE sqlite_sequence SET seq = ${floor} WHERE name = 'Ticket' AND seq < ${floor}`,
      ),
    ]);
    return;
  }
  // setval(…, floor, true): the next nextval() returns FIRST_TICKET_ID.
  await db.$queryRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"Ticket"', 'id'), GREATEST(${floor}, (SELECT COALESCE(MAX(id), 0) FROM "Ticket")), true)
     WHERE (SELECT last_value FROM "Ticket_id_seq") < ${FIRST_TICKET_ID}
       AND NOT EXISTS (SELECT 1 FROM "Ticket" WHERE id >= ${FIRST_TICKET_ID})`,
  );
}
