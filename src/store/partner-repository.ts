import { Prisma } from '../generated/sqlite/client.js';
import { isEmptyFilter, type PartnerFilter, type PartnerSort } from './partner-filter.js';
import { partnerConditionSql, partnerOrderSql } from './partner-filter-sql.js';
import {
  type PartnerSummary,
  type PartnerView,
  parseList,
  type RelatedRow,
  relatedRowsSql,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toSummary,
  toViews,
} from './partner-rows.js';
import type { Db } from './prisma-client.js';
import { containsPattern } from './sql/like-pattern.js';

export type { PartnerSummary, PartnerView } from './partner-rows.js';

/** The values an account's directory uses, for understanding questions about it. */
export interface PartnerVocabulary {
  readonly groups: readonly string[];
  readonly managers: readonly string[];
  readonly contractNames: readonly string[];
  readonly businessModels: readonly string[];
  readonly promotionalAreas: readonly string[];
  /** Countries the account has partners in (ISO codes). */
  readonly countries: readonly string[];
  /** States/provinces it has partners in, as "US-TX". */
  readonly regions: readonly string[];
}

/** `(SELECT COUNT(...))`: how many partners of the account match the filter. */
function countSql(accountId: string, filter: PartnerFilter): Prisma.Sql {
  const groups = onlyGroups(filter);
  // Members of the account's groups are that account's partners (the writer links no other),
  // so a count by group alone reads the member index instead of every member's partner row.
  if (groups) {
    return Prisma.sql`(SELECT COUNT(DISTINCT m."partnerId") FROM "PartnerGroupMember" m
      JOIN "PartnerGroup" g ON g."id" = m."groupId"
      WHERE g."accountId" = ${accountId} AND g."name" IN (${Prisma.join(groups)}))`;
  }
  return Prisma.sql`(SELECT COUNT(*) FROM "Partner" p WHERE ${partnerConditionSql(accountId, filter)})`;
}

type Page = { readonly offset: number; readonly limit: number };

/** A page of summaries with the total beside each row; each part finds its rows through its own index. */
function pageAndCountSql(
  accountId: string,
  filter: PartnerFilter,
  sort: PartnerSort,
  page: Page,
): Prisma.Sql {
  return Prisma.sql`SELECT ${SUMMARY_COLUMNS}, ${countSql(accountId, filter)} AS "total" FROM "Partner" p
    WHERE ${partnerConditionSql(accountId, filter)}
    ORDER BY ${partnerOrderSql(sort)} LIMIT ${page.limit} OFFSET ${page.offset}`;
}

/**
 * The same page when the filter joins group members with other conditions: the
 * matching partners are found once (that join is the costly part) and both the
 * total and the page are read from them, about half the work of finding them twice.
 */
function matchedOnceSql(accountId: string, filter: PartnerFilter, sort: PartnerSort, page: Page): Prisma.Sql {
  const order = partnerOrderSql(sort);
  return Prisma.sql`WITH matched AS MATERIALIZED (
      SELECT p."id", p."nameKey", p."partnerId", p."joinedAt" FROM "Partner" p
      WHERE ${partnerConditionSql(accountId, filter)})
    SELECT ${SUMMARY_COLUMNS}, (SELECT COUNT(*) FROM matched) AS "total" FROM "Partner" p
    WHERE p."accountId" = ${accountId} AND p."id" IN (
      SELECT p."id" FROM matched p ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset})
    ORDER BY ${order}`;
}

/** True when the filter names groups and also has another condition. */
function groupAndMore(filter: PartnerFilter): boolean {
  return (filter.group?.length ?? 0) > 0 && onlyGroups(filter) === null;
}

/** The group names of a filter that has no other condition, else null. */
function onlyGroups(filter: PartnerFilter): readonly string[] | null {
  const groups = filter.group ?? [];
  if (groups.length === 0) return null;
  return isEmptyFilter({ ...filter, group: [] }) ? groups : null;
}

const byPartnerId = (a: PartnerView, b: PartnerView) => a.partnerId.localeCompare(b.partnerId);
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  /**
   * A short text that changes whenever the account's directory does (partners
   * added, removed or rewritten): in-memory copies compare it before rebuilding.
   */
  version(accountId: string): Promise<string>;
}

/**
 * Each question is one statement (a list page carries its total), written by
 * hand: the Prisma client spends 0.3–0.5 ms of CPU per statement here, and
 * `include` reads groups and media properties with three more.
 */
export function createPartnerRepository(db: Db): PartnerRepository {
  const views = (condition: Prisma.Sql) => readViews(db, condition);
  const count = async (accountId: string, filter: PartnerFilter) => {
    const [row] = await db.$queryRaw<
      Array<{ total: number | bigint }>
    >`SELECT ${countSql(accountId, filter)} AS "total"`;
    return Number(row?.total ?? 0);
  };

  return {
    async byPartnerId(accountId, partnerId) {
      // Imports store IDs without leading zeros ("007" is partner 7); one stored with them by an
      // older import is still found. The ID as typed wins, then the form without zeros.
      const canonical = canonicalPartnerId(partnerId);
      const found = await views(
        Prisma.sql`p."accountId" = ${accountId} AND p."partnerId" IN (${Prisma.join(storedForms(canonical))})`,
      );
      const rank = (view: PartnerView) =>
        view.partnerId === partnerId ? 0 : view.partnerId === canonical ? 1 : 2;
      return found.sort((a, b) => rank(a) - rank(b) || codeUnitOrder(a.partnerId, b.partnerId))[0] ?? null;
    },
    async byDomain(accountId, domain) {
      const found = await views(Prisma.sql`p."id" IN (
        SELECT q."id" FROM "Partner" q WHERE q."accountId" = ${accountId} AND q."domain" = ${domain} LIMIT 10)`);
      if (found.length > 0) return found.sort(byPartnerId);
      // A site declared as a media property rather than as the main website.
      const viaMedia = await views(Prisma.sql`p."id" IN (
        SELECT q."id" FROM "Partner" q
        WHERE q."accountId" = ${accountId} AND EXISTS (
          SELECT 1 FROM "MediaProperty" x WHERE x."partnerId" = q."id"
            AND (x."url" LIKE ${containsPattern(`//${domain}`)} ESCAPE '\\'
              OR x."url" LIKE ${containsPattern(`.${domain}`)} ESCAPE '\\'))
        ORDER BY q."partnerId" LIMIT 10)`);
      return viaMedia.sort(byPartnerId);
    },
    async byContactEmail(accountId, email) {
      const found = await views(Prisma.sql`p."id" IN (
        SELECT q."id" FROM "Partner" q WHERE q."accountId" = ${accountId} AND q."contactEmail" = ${email} LIMIT 10)`);
      return found.sort(byPartnerId);
    },
    async byRowIds(accountId, ids) {
      if (ids.length === 0) return [];
      const found = await views(Prisma.sql`p."accountId" = ${accountId} AND p."id" IN (${Prisma.join(ids)})`);
      const order = new Map(ids.map((id, i) => [id, i]));
      return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    },
    async list(accountId, filter, sort, page) {
      // The page and the total in one statement: the count is a subquery the database runs once.
      const rows = await db.$queryRaw<Array<SummaryRow & { total: number | bigint }>>(
        groupAndMore(filter)
          ? matchedOnceSql(accountId, filter, sort, page)
          : pageAndCountSql(accountId, filter, sort, page),
      );
      const first = rows[0];
      // A page past the end has no row to carry the total.
      const total = first ? Number(first.total) : page.offset === 0 ? 0 : await count(accountId, filter);
      return { total, items: rows.map(toSummary) };
    },
    count,
    names: (accountId) =>
      db.$queryRaw<Array<{ id: string; partnerId: string; name: string }>>`
        SELECT "id", "partnerId", "name" FROM "Partner" WHERE "accountId" = ${accountId}`,
    async vocabulary(accountId) {
      const rows = await db.$queryRaw<Array<{ field: string; value: string }>>`
        SELECT CAST('group' AS TEXT) AS "field", "name" AS "value" FROM "PartnerGroup" WHERE "accountId" = ${accountId}
        UNION SELECT CAST('manager' AS TEXT), "accountManager" FROM "Partner"
          WHERE "accountId" = ${accountId} AND "accountManager" IS NOT NULL
        UNION SELECT CAST('contract' AS TEXT), "contractName" FROM "Partner"
          WHERE "accountId" = ${accountId} AND "contractName" IS NOT NULL
        UNION SELECT CAST('model' AS TEXT), "businessModel" FROM "Partner"
          WHERE "accountId" = ${accountId} AND "businessModel" IS NOT NULL
        UNION SELECT CAST('areas' AS TEXT), "promotionalAreas" FROM "Partner" WHERE "accountId" = ${accountId}
        UNION SELECT CAST('country' AS TEXT), "country" FROM "Partner"
          WHERE "accountId" = ${accountId} AND "country" IS NOT NULL
        UNION SELECT CAST('region' AS TEXT), "country" || '-' || "state" FROM "Partner"
          WHERE "accountId" = ${accountId} AND "country" IS NOT NULL AND "state" IS NOT NULL`;
      const of = (field: string) =>
        rows
          .filter((r) => r.field === field)
          .map((r) => r.value)
          .sort(codeUnitOrder);
      return {
        groups: of('group'),
        managers: of('manager'),
        contractNames: of('contract'),
        businessModels: of('model'),
        promotionalAreas: [...new Set(of('areas').flatMap(parseList))].sort(codeUnitOrder),
        countries: of('country'),
        regions: of('region'),
      };
    },
    async version(accountId) {
      const [row] = await db.$queryRaw<Array<{ partners: number | bigint; updatedAt: Date | string | null }>>`
        SELECT COUNT(*) AS "partners", MAX("updatedAt") AS "updatedAt" FROM "Partner" WHERE "accountId" = ${accountId}`;
      const updatedAt = row?.updatedAt instanceof Date ? row.updatedAt.toISOString() : String(row?.updatedAt);
      return `${Number(row?.partners ?? 0)}@${updatedAt}`;
    },
  };
}

/** Longest Partner ID an import accepts (and so the longest form with leading zeros one stored). */
const MAX_PARTNER_ID_DIGITS = 12;
/** A Partner ID as the platform numbers it: "007" is partner 7. */
export function canonicalPartnerId(partnerId: string): string {
  return partnerId.replace(/^0+(?=\d)/, '');
}

/** The ID and every form of it with leading zeros an import may have stored ("7", "07", … "000000000007"). */
function storedForms(partnerId: string): string[] {
  const canonical = canonicalPartnerId(partnerId);
  const forms = new Set([partnerId, canonical]);
  if (/^\d+$/.test(canonical)) {
    for (let padded = `0${canonical}`; padded.length <= MAX_PARTNER_ID_DIGITS; padded = `0${padded}`) {
      forms.add(padded);
    }
  }
  return [...forms];
}

/**
 * Reads complete records of the given partner IDs (for merging an import into them),
 * keyed by the ID as stored. Each ID is also found stored with leading zeros, the
 * form an older import kept: those IDs are listed first in one scan of the account's
 * ID index (they are few), then every record is read in batches of 500.
 */
export async function readPartnerRecords(
  tx: Prisma.TransactionClient,
  accountId: string,
  partnerIds: readonly string[],
): Promise<Map<string, PartnerView>> {
  const wanted = new Set(partnerIds.map(canonicalPartnerId));
  const padded = await tx.$queryRaw<Array<{ partnerId: string }>>`
    SELECT "partnerId" FROM "Partner" WHERE "accountId" = ${accountId} AND "partnerId" LIKE '0_%'`;
  const lookups = [
    ...partnerIds,
    ...padded.map((r) => r.partnerId).filter((id) => wanted.has(canonicalPartnerId(id))),
  ];
  const out = new Map<string, PartnerView>();
  for (let i = 0; i < lookups.length; i += 500) {
    const part = lookups.slice(i, i + 500);
    const found = await readViews(
      tx,
      Prisma.sql`p."accountId" = ${accountId} AND p."partnerId" IN (${Prisma.join(part)})`,
    );
    for (const view of found) out.set(view.partnerId, view);
  }
  return out;
}

/** Stores partners under new Partner IDs (keeping their row ids), in statements of up to 500. */
export async function renamePartnerIds(
  tx: Prisma.TransactionClient,
  accountId: string,
  renames: ReadonlyArray<{ readonly from: string; readonly to: string }>,
): Promise<void> {
  for (let i = 0; i < renames.length; i += 500) {
    const part = renames.slice(i, i + 500);
    const cases = Prisma.join(
      part.map((r) => Prisma.sql`WHEN ${r.from} THEN ${r.to}`),
      ' ',
    );
    await tx.$executeRaw`UPDATE "Partner" SET "partnerId" = CASE "partnerId" ${cases} END
      WHERE "accountId" = ${accountId} AND "partnerId" IN (${Prisma.join(part.map((r) => r.from))})`;
  }
}

/** Partners matching `condition` (on `p`) with their groups and media properties, in one statement. */
async function readViews(
  client: Prisma.TransactionClient | Db,
  condition: Prisma.Sql,
): Promise<PartnerView[]> {
  return toViews(await client.$queryRaw<RelatedRow[]>(relatedRowsSql(condition)));
}
