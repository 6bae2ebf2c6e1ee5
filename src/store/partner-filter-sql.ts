import { Prisma } from '../generated/sqlite/client.js';
import type { PartnerFilter, PartnerSort } from './partner-filter.js';
import { containsPattern } from './sql/like-pattern.js';

/**
 * A directory filter as an SQL condition on the partner table aliased `p`,
 * always scoped to one account. Names are double-quoted (valid on SQLite and
 * PostgreSQL, and exact on PostgreSQL, where unquoted names fold to lower case);
 * every value is a bound parameter.
 */
export function partnerConditionSql(accountId: string, filter: PartnerFilter): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`p."accountId" = ${accountId}`];
  const inList = (column: ListColumn, values: readonly string[] | undefined) => {
    if (values && values.length > 0)
      and.push(Prisma.sql`${partnerColumn(column)} IN (${Prisma.join(values)})`);
  };
  inList('contractStatus', filter.contractStatus);
  inList('stage', filter.stage);
  inList('country', filter.country);
  if (filter.region && filter.region.length > 0) {
    const places = filter.region.map((r) => {
      const [country, state] = r.split('-') as [string, string];
      return Prisma.sql`(p."country" = ${country} AND p."state" = ${state})`;
    });
    and.push(anyOf(places));
  }
  if (filter.group && filter.group.length > 0) {
    // The members of the named groups of this account, read through the group index.
    and.push(Prisma.sql`p."id" IN (
      SELECT m."partnerId" FROM "PartnerGroupMember" m
      JOIN "PartnerGroup" g ON g."id" = m."groupId"
      WHERE g."accountId" = ${accountId} AND g."name" IN (${Prisma.join(filter.group)}))`);
  }
  inList('businessModel', filter.businessModel);
  if (filter.manager && filter.manager.length > 0) {
    const names = filter.manager.filter((m): m is string => m !== null);
    const either: Prisma.Sql[] = [];
    if (names.length > 0) either.push(Prisma.sql`p."accountManager" IN (${Prisma.join(names)})`);
    if (names.length < filter.manager.length) either.push(Prisma.sql`p."accountManager" IS NULL`);
    and.push(anyOf(either));
  }
  inList('pendingTermUpdate', filter.pendingTermUpdate);
  inList('joinedVia', filter.joinedVia);
  inList('size', filter.size);
  inList('prospectingSource', filter.prospectingSource);
  inList('contractName', filter.contractName);
  if (filter.promotionalArea && filter.promotionalArea.length > 0) {
    // Promotional areas are a JSON array in a text column; each value is stored quoted.
    and.push(
      anyOf(
        filter.promotionalArea.map(
          (area) =>
            Prisma.sql`p."promotionalAreas" LIKE ${containsPattern(JSON.stringify(area))} ESCAPE '\\'`,
        ),
      ),
    );
  }
  inList('audienceCountry', filter.audienceCountry);
  if (filter.joined?.from) and.push(Prisma.sql`p."joinedAt" >= ${new Date(filter.joined.from)}`);
  if (filter.joined?.to) and.push(Prisma.sql`p."joinedAt" < ${new Date(filter.joined.to)}`);
  if (filter.reach?.min !== undefined) and.push(Prisma.sql`p."socialReach" >= ${filter.reach.min}`);
  if (filter.reach?.max !== undefined) and.push(Prisma.sql`p."socialReach" <= ${filter.reach.max}`);
  return Prisma.join(and, ' AND ');
}

/** ORDER BY terms with a unique tie-break, so pages never overlap or skip. */
export function partnerOrderSql(sort: PartnerSort): Prisma.Sql {
  switch (sort) {
    case 'name':
      return Prisma.sql`p."nameKey" ASC, p."partnerId" ASC`;
    case 'joined-newest':
      return Prisma.sql`p."joinedAt" DESC NULLS LAST, p."partnerId" ASC`;
    case 'joined-oldest':
      return Prisma.sql`p."joinedAt" ASC NULLS LAST, p."partnerId" ASC`;
  }
}

function anyOf(conditions: readonly Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 1 ? conditions[0]! : Prisma.sql`(${Prisma.join(conditions, ' OR ')})`;
}

type ListColumn =
  | 'contractStatus'
  | 'stage'
  | 'country'
  | 'businessModel'
  | 'pendingTermUpdate'
  | 'joinedVia'
  | 'size'
  | 'prospectingSource'
  | 'contractName'
  | 'audienceCountry';

/** A column of the partner table: a name from the fixed list above, never user text. */
function partnerColumn(name: ListColumn): Prisma.Sql {
  return Prisma.raw(`p."${name}"`);
}
