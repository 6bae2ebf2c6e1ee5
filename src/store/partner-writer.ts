import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/sqlite/client.js';
import { bulkInsert } from './partner-bulk-insert.js';
import { compactNameKey, domainOf } from './partner-name-key.js';
import { PARTNER_COLUMNS, type PartnerRecord } from './partner-record.js';
import type { DatabaseProvider, Db } from './prisma-client.js';

/** The transaction client Prisma hands an interactive transaction. */
export type Tx = Prisma.TransactionClient;

export interface WriteProgress {
  readonly written: number;
  readonly total: number;
}

export interface WriteResult {
  readonly created: number;
  readonly updated: number;
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Internal row ids of the given partner IDs in the account. */
export async function existingPartnerRowIds(
  tx: Tx,
  accountId: string,
  partnerIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks(partnerIds, CHUNK)) {
    const rows = await tx.partner.findMany({
      where: { accountId, partnerId: { in: part } },
      select: { id: true, partnerId: true },
    });
    for (const r of rows) found.set(r.partnerId, r.id);
  }
  return found;
}

/**
 * Writes complete partner records inside the caller's transaction: new partner
 * IDs are inserted, known ones replaced under the same row id (their groups and
 * media properties rewritten).
 */
export async function replacePartners(
  tx: Tx,
  provider: DatabaseProvider,
  accountId: string,
  records: readonly PartnerRecord[],
  onProgress?: (p: WriteProgress) => void,
): Promise<WriteResult> {
  const existing = await existingPartnerRowIds(
    tx,
    accountId,
    records.map((r) => r.partnerId),
  );
  const replacedIds = [...existing.values()];
  for (const part of chunks(replacedIds, CHUNK)) {
    await tx.partnerGroupMember.deleteMany({ where: { partnerId: { in: part } } });
    await tx.mediaProperty.deleteMany({ where: { partnerId: { in: part } } });
    await tx.partner.deleteMany({ where: { id: { in: part } } });
  }

  const groupIds = await ensureGroups(tx, accountId, records);
  const now = new Date();
  const rows: Array<Array<string | number | Date | null>> = [];
  const members: string[][] = [];
  const media: Array<Array<string | number>> = [];
  for (const r of records) {
    const id = existing.get(r.partnerId) ?? randomUUID();
    rows.push([
      id,
      accountId,
      r.partnerId,
      r.name,
      // Letters and digits only: sorts the same under any database collation (C or en_US).
      compactNameKey(r.name),
      r.website,
      domainOf(r.website),
      r.country,
      r.state,
      r.contractStatus,
      r.contractName,
      r.joinedAt,
      r.joinedVia,
      r.size,
      r.businessModel,
      r.stage,
      r.accountManager,
      r.contactName,
      r.contactEmail,
      JSON.stringify(r.promotionalAreas),
      r.audienceCountry,
      r.socialReach,
      r.prospectingSource,
      r.pendingTermUpdate,
      now,
    ]);
    for (const g of new Set(r.groups.map((name) => name.toLowerCase()))) members.push([id, groupIds.get(g)!]);
    // Media ids keep the declared order when read back sorted by id.
    r.media.forEach((m, k) => {
      media.push([`${id}:${String(k).padStart(3, '0')}`, id, m.kind, m.url, m.reach]);
    });
  }
  await bulkInsert(tx, provider, 'Partner', PARTNER_COLUMNS, rows, (written) =>
    onProgress?.({ written, total: rows.length }),
  );
  await bulkInsert(tx, provider, 'PartnerGroupMember', ['partnerId', 'groupId'], members);
  await bulkInsert(tx, provider, 'MediaProperty', ['id', 'partnerId', 'kind', 'url', 'reach'], media);
  return { created: records.length - existing.size, updated: existing.size };
}

/** Group ids by lower-case name, creating the account's missing groups ("premium" is the group "Premium"). */
async function ensureGroups(
  tx: Tx,
  accountId: string,
  records: readonly PartnerRecord[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const name of records.flatMap((r) => r.groups)) {
    if (!wanted.has(name.toLowerCase())) wanted.set(name.toLowerCase(), name);
  }
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;
  const known = await tx.partnerGroup.findMany({ where: { accountId } });
  for (const g of known) ids.set(g.name.toLowerCase(), g.id);
  const missing = [...wanted].filter(([key]) => !ids.has(key));
  if (missing.length > 0) {
    const data = missing.map(([, name]) => ({ id: randomUUID(), accountId, name }));
    await tx.partnerGroup.createMany({ data });
    for (const g of data) ids.set(g.name.toLowerCase(), g.id);
  }
  return ids;
}

/**
 * Refreshes the query planner's statistics of the partner tables after a bulk
 * write. Without them PostgreSQL plans directory queries as if the tables were
 * empty (measured: about twice the latency at 10k partners); `ANALYZE "table"`
 * reads the same on SQLite and PostgreSQL. On PostgreSQL (when `provider` says
 * so) the tables are vacuumed too: that marks the new rows visible to every
 * transaction, so counts read the filter indexes alone instead of every
 * matching row. Runs outside a transaction (VACUUM cannot run inside one).
 */
export async function refreshPartnerStatistics(db: Db, provider?: DatabaseProvider): Promise<void> {
  const command = provider === 'postgresql' ? 'VACUUM (ANALYZE)' : 'ANALYZE';
  for (const table of ['Partner', 'PartnerGroupMember', 'PartnerGroup', 'MediaProperty']) {
    await db.$executeRawUnsafe(`${command} "${table}"`);
  }
}

/** Runs `work` in one interactive transaction long enough for a 10k-row import. */
export function inPartnerTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, { maxWait: 10_000, timeout: 120_000 });
}
