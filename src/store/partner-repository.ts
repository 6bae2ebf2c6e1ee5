import type { Prisma } from '../generated/sqlite/client.js';
import { type PartnerFilter, type PartnerSort, partnerOrderBy, partnerWhere } from './partner-filter.js';
import type {
  ContractStatus,
  JoinedVia,
  PartnerRecord,
  PartnerSize,
  PendingTermUpdate,
  ProspectingSource,
  Stage,
} from './partner-record.js';
import type { Db } from './prisma-client.js';

/** A stored partner: the record plus where it lives. */
export interface PartnerView extends PartnerRecord {
  /** Internal row id. */
  readonly id: string;
  readonly accountId: string;
  readonly domain: string | null;
}

/** A partner as lists show it: the record without its groups and media properties. */
export type PartnerSummary = Omit<PartnerView, 'groups' | 'media'>;

/** The values an account's directory uses, for understanding questions about it. */
export interface PartnerVocabulary {
  readonly groups: readonly string[];
  readonly managers: readonly string[];
  readonly contractNames: readonly string[];
  readonly businessModels: readonly string[];
  readonly promotionalAreas: readonly string[];
}

const withRelations = {
  groups: { include: { group: { select: { name: true } } } },
  media: { orderBy: { id: 'asc' } },
} satisfies Prisma.PartnerInclude;

type PartnerRow = Prisma.PartnerGetPayload<{ include: typeof withRelations }>;

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toSummary(row: Prisma.PartnerGetPayload<object>): PartnerSummary {
  return {
    id: row.id,
    accountId: row.accountId,
    partnerId: row.partnerId,
    name: row.name,
    website: row.website,
    domain: row.domain,
    country: row.country,
    state: row.state,
    contractStatus: row.contractStatus as ContractStatus | null,
    contractName: row.contractName,
    joinedAt: row.joinedAt,
    joinedVia: row.joinedVia as JoinedVia,
    size: row.size as PartnerSize | null,
    businessModel: row.businessModel,
    stage: row.stage as Stage,
    accountManager: row.accountManager,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    promotionalAreas: parseList(row.promotionalAreas),
    audienceCountry: row.audienceCountry,
    socialReach: row.socialReach,
    prospectingSource: row.prospectingSource as ProspectingSource | null,
    pendingTermUpdate: row.pendingTermUpdate as PendingTermUpdate | null,
  };
}

function toView(row: PartnerRow): PartnerView {
  return {
    ...toSummary(row),
    groups: row.groups.map((g) => g.group.name).sort((a, b) => a.localeCompare(b)),
    media: row.media.map((m) => ({ kind: m.kind, url: m.url, reach: m.reach })),
  };
}

const byPartnerId = (a: PartnerView, b: PartnerView) => a.partnerId.localeCompare(b.partnerId);

/**
 * Read access to the partner directory. Every call takes the account and never
 * returns another account's partner: that is the one place scoping is enforced.
 */
export interface PartnerRepository {
  byPartnerId(accountId: string, partnerId: string): Promise<PartnerView | null>;
  byDomain(accountId: string, domain: string): Promise<PartnerView[]>;
  byContactEmail(accountId: string, email: string): Promise<PartnerView[]>;
  byRowIds(accountId: string, ids: readonly string[]): Promise<PartnerView[]>;
  list(
    accountId: string,
    filter: PartnerFilter,
    sort: PartnerSort,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: PartnerSummary[] }>;
  count(accountId: string, filter: PartnerFilter): Promise<number>;
  /** Every partner's row id, partner ID and name (for name matching). */
  names(accountId: string): Promise<Array<{ id: string; partnerId: string; name: string }>>;
  vocabulary(accountId: string): Promise<PartnerVocabulary>;
}

export function createPartnerRepository(db: Db): PartnerRepository {
  async function whereFor(accountId: string, filter: PartnerFilter): Promise<Prisma.PartnerWhereInput> {
    if (!filter.group || filter.group.length === 0) return partnerWhere(accountId, filter);
    const groups = await db.partnerGroup.findMany({
      where: { accountId, name: { in: filter.group } },
      select: { id: true },
    });
    return partnerWhere(
      accountId,
      filter,
      groups.map((g) => g.id),
    );
  }

  return {
    async byPartnerId(accountId, partnerId) {
      const row = await db.partner.findUnique({
        where: { accountId_partnerId: { accountId, partnerId } },
        include: withRelations,
      });
      return row ? toView(row) : null;
    },
    async byDomain(accountId, domain) {
      // No ORDER BY in SQL: SQLite would then walk the partner-ID index instead of the domain one.
      const rows = await db.partner.findMany({
        where: { accountId, domain },
        include: withRelations,
        take: 10,
      });
      if (rows.length > 0) return rows.map(toView).sort(byPartnerId);
      // A site declared as a media property rather than as the main website.
      const viaMedia = await db.partner.findMany({
        where: {
          accountId,
          media: {
            some: { OR: [{ url: { contains: `//${domain}` } }, { url: { contains: `.${domain}` } }] },
          },
        },
        include: withRelations,
        orderBy: { partnerId: 'asc' },
        take: 10,
      });
      return viaMedia.map(toView);
    },
    async byContactEmail(accountId, email) {
      const rows = await db.partner.findMany({
        where: { accountId, contactEmail: email },
        include: withRelations,
        take: 10,
      });
      return rows.map(toView).sort(byPartnerId);
    },
    async byRowIds(accountId, ids) {
      if (ids.length === 0) return [];
      const rows = await db.partner.findMany({
        where: { accountId, id: { in: [...ids] } },
        include: withRelations,
      });
      const order = new Map(ids.map((id, i) => [id, i]));
      return rows.map(toView).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    },
    async list(accountId, filter, sort, page) {
      const where = await whereFor(accountId, filter);
      const [total, rows] = await Promise.all([
        db.partner.count({ where }),
        db.partner.findMany({ where, orderBy: partnerOrderBy(sort), skip: page.offset, take: page.limit }),
      ]);
      return { total, items: rows.map(toSummary) };
    },
    count: async (accountId, filter) => db.partner.count({ where: await whereFor(accountId, filter) }),
    names: (accountId) =>
      db.partner.findMany({ where: { accountId }, select: { id: true, partnerId: true, name: true } }),
    async vocabulary(accountId) {
      const [groups, managers, contracts, models, areas] = await Promise.all([
        db.partnerGroup.findMany({ where: { accountId }, select: { name: true }, orderBy: { name: 'asc' } }),
        db.partner.groupBy({ by: ['accountManager'], where: { accountId, accountManager: { not: null } } }),
        db.partner.groupBy({ by: ['contractName'], where: { accountId, contractName: { not: null } } }),
        db.partner.groupBy({ by: ['businessModel'], where: { accountId, businessModel: { not: null } } }),
        db.partner.groupBy({ by: ['promotionalAreas'], where: { accountId } }),
      ]);
      const present = <T>(values: Array<T | null>) => values.filter((v): v is T => v !== null);
      return {
        groups: groups.map((g) => g.name),
        managers: present(managers.map((m) => m.accountManager)).sort(),
        contractNames: present(contracts.map((c) => c.contractName)).sort(),
        businessModels: present(models.map((m) => m.businessModel)).sort(),
        promotionalAreas: [...new Set(areas.flatMap((a) => parseList(a.promotionalAreas)))].sort(),
      };
    },
  };
}

/** Reads complete records of the given partner IDs (for merging an import into them). */
export async function readPartnerRecords(
  tx: Prisma.TransactionClient,
  accountId: string,
  partnerIds: readonly string[],
): Promise<Map<string, PartnerView>> {
  const out = new Map<string, PartnerView>();
  for (let i = 0; i < partnerIds.length; i += 500) {
    const rows = await tx.partner.findMany({
      where: { accountId, partnerId: { in: partnerIds.slice(i, i + 500) } },
      include: withRelations,
    });
    for (const row of rows) out.set(row.partnerId, toView(row));
  }
  return out;
}
