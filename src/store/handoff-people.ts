import type { UserKind, UserProfile, UserRole } from '../domain/user.js';
import type { Db } from './prisma-client.js';

export interface Person {
  readonly profile: UserProfile;
  readonly accountName: string;
  /** An enterprise customer's account (they have a customer success manager). */
  readonly enterprise: boolean;
}

/** Names and accounts of the people in live chats, cached briefly (a chat asks for them on every event). */
export interface HandoffPeople {
  person(userId: string): Promise<Person | null>;
}

export function createHandoffPeople(db: Db, options: { cacheMs?: number } = {}): HandoffPeople {
  const cacheMs = options.cacheMs ?? 60_000;
  const cache = new Map<string, { person: Person | null; expires: number }>();
  return {
    async person(userId) {
      const hit = cache.get(userId);
      if (hit && hit.expires > Date.now()) return hit.person;
      const row = await db.user.findUnique({ where: { id: userId }, include: { account: true } });
      const person: Person | null = row
        ? {
            profile: {
              id: row.id,
              displayName: row.displayName,
              email: row.email,
              role: (['requester', 'agent', 'admin'].includes(row.role) ? row.role : 'requester') as UserRole,
              kind: (row.kind === 'partner' ? 'partner' : 'brand') as UserKind,
              accountId: row.accountId,
            },
            accountName: row.account.name,
            enterprise: row.account.enterprise,
          }
        : null;
      if (cache.size > 5000) cache.clear();
      cache.set(userId, { person, expires: Date.now() + cacheMs });
      return person;
    },
  };
}
