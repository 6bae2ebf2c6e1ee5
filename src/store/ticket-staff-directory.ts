import type { UserProfile } from '../domain/user.js';
import type { Db } from './prisma-client.js';

/**
 * Support staff by name, for "assign 1042 to Riley". Staff are few, so they are
 * matched in memory: case-insensitive on both databases, first names included.
 */
export async function findStaffByName(db: Db, name: string): Promise<UserProfile[]> {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return [];
  const rows = await db.user.findMany({
    where: { role: { in: ['agent', 'admin'] } },
    select: { id: true, displayName: true, email: true, role: true, kind: true, accountId: true },
  });
  const matches = rows.filter((r) => {
    const display = r.displayName.toLowerCase();
    return display === wanted || display.split(/\s+/).includes(wanted) || r.email?.toLowerCase() === wanted;
  });
  return matches.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    email: r.email,
    role: r.role === 'admin' ? 'admin' : 'agent',
    kind: r.kind === 'partner' ? 'partner' : 'brand',
    accountId: r.accountId,
  }));
}
