import { createPartnerRepository } from '../../store/partner-repository.js';
import type { Db } from '../../store/prisma-client.js';
import type { DirectoryNameSource } from './directory-names.js';

/** The brand accounts' and partner directories' names, read from the database. */
export function databaseDirectoryNames(db: Db): DirectoryNameSource {
  const partners = createPartnerRepository(db);
  return {
    async brandNames() {
      const rows = await db.account.findMany({ where: { kind: 'brand' }, select: { name: true } });
      return rows.map((r) => r.name);
    },
    async accountName(accountId) {
      const row = await db.account.findUnique({ where: { id: accountId }, select: { name: true } });
      return row?.name ?? null;
    },
    async partnerNames(accountId) {
      return (await partners.names(accountId)).map((p) => p.name);
    },
    partnerVersion: (accountId) => partners.version(accountId),
  };
}
