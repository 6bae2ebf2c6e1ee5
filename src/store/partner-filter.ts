import { z } from 'zod';
import type { Prisma } from '../generated/sqlite/client.js';
import {
  CONTRACT_STATUSES,
  JOINED_VIA,
  PENDING_TERM_UPDATES,
  PROSPECTING_SOURCES,
  SIZES,
  STAGES,
} from './partner-record.js';

/**
 * A directory query: values inside one field are OR-ed, fields are AND-ed (as
 * in the platform's filter panel). Plain JSON, so a "More" button can carry it.
 */
export const partnerFilterSchema = z
  .object({
    contractStatus: z.array(z.enum(CONTRACT_STATUSES)),
    stage: z.array(z.enum(STAGES)),
    country: z.array(z.string().regex(/^[A-Z]{2}$/)),
    /** "US-TX": a state or province within its country. */
    region: z.array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)),
    group: z.array(z.string().min(1)),
    businessModel: z.array(z.string().min(1)),
    /** null = no account manager ("unassigned"). */
    manager: z.array(z.string().min(1).nullable()),
    pendingTermUpdate: z.array(z.enum(PENDING_TERM_UPDATES)),
    joinedVia: z.array(z.enum(JOINED_VIA)),
    size: z.array(z.enum(SIZES)),
    prospectingSource: z.array(z.enum(PROSPECTING_SOURCES)),
    contractName: z.array(z.string().min(1)),
    promotionalArea: z.array(z.string().min(1)),
    audienceCountry: z.array(z.string().regex(/^[A-Z]{2}$/)),
    /** Date joined in [from, to), ISO strings. */
    joined: z.object({ from: z.string().datetime().optional(), to: z.string().datetime().optional() }),
    /** Social reach in [min, max]. */
    reach: z.object({
      min: z.number().int().nonnegative().optional(),
      max: z.number().int().nonnegative().optional(),
    }),
  })
  .partial();

export type PartnerFilter = z.infer<typeof partnerFilterSchema>;
export type FilterKey = keyof PartnerFilter;

export const partnerSortSchema = z.enum(['name', 'joined-newest', 'joined-oldest']);
export type PartnerSort = z.infer<typeof partnerSortSchema>;

/** True when the filter has no condition at all (the whole directory). */
export function isEmptyFilter(filter: PartnerFilter): boolean {
  return Object.values(filter).every((v) =>
    Array.isArray(v) ? v.length === 0 : !v || Object.values(v).every((x) => x === undefined),
  );
}

/**
 * The Prisma condition for a filter, always scoped to one account. `groupIds`:
 * the ids of the filter's group names when already looked up (cheaper than
 * joining the group table for every partner).
 */
export function partnerWhere(
  accountId: string,
  filter: PartnerFilter,
  groupIds?: readonly string[],
): Prisma.PartnerWhereInput {
  const and: Prisma.PartnerWhereInput[] = [{ accountId }];
  const inList = <T>(values: readonly T[] | undefined, build: (v: T[]) => Prisma.PartnerWhereInput) => {
    if (values && values.length > 0) and.push(build([...values]));
  };
  inList(filter.contractStatus, (v) => ({ contractStatus: { in: v } }));
  inList(filter.stage, (v) => ({ stage: { in: v } }));
  inList(filter.country, (v) => ({ country: { in: v } }));
  inList(filter.region, (v) => ({
    OR: v.map((r) => {
      const [country, state] = r.split('-') as [string, string];
      return { country, state };
    }),
  }));
  inList(filter.group, (v) =>
    groupIds
      ? { groups: { some: { groupId: { in: [...groupIds] } } } }
      : { groups: { some: { group: { name: { in: v } } } } },
  );
  inList(filter.businessModel, (v) => ({ businessModel: { in: v } }));
  inList(filter.manager, (v) => {
    const names = v.filter((m): m is string => m !== null);
    const conditions: Prisma.PartnerWhereInput[] = [];
    if (names.length > 0) conditions.push({ accountManager: { in: names } });
    if (names.length < v.length) conditions.push({ accountManager: null });
    return conditions.length === 1 ? conditions[0]! : { OR: conditions };
  });
  inList(filter.pendingTermUpdate, (v) => ({ pendingTermUpdate: { in: v } }));
  inList(filter.joinedVia, (v) => ({ joinedVia: { in: v } }));
  inList(filter.size, (v) => ({ size: { in: v } }));
  inList(filter.prospectingSource, (v) => ({ prospectingSource: { in: v } }));
  inList(filter.contractName, (v) => ({ contractName: { in: v } }));
  // Promotional areas are a JSON array in a text column; each value is stored quoted.
  inList(filter.promotionalArea, (v) => ({
    OR: v.map((area) => ({ promotionalAreas: { contains: JSON.stringify(area) } })),
  }));
  inList(filter.audienceCountry, (v) => ({ audienceCountry: { in: v } }));
  if (filter.joined?.from || filter.joined?.to) {
    and.push({
      joinedAt: {
        ...(filter.joined.from ? { gte: new Date(filter.joined.from) } : {}),
        ...(filter.joined.to ? { lt: new Date(filter.joined.to) } : {}),
      },
    });
  }
  if (filter.reach?.min !== undefined || filter.reach?.max !== undefined) {
    and.push({
      socialReach: {
        ...(filter.reach.min !== undefined ? { gte: filter.reach.min } : {}),
        ...(filter.reach.max !== undefined ? { lte: filter.reach.max } : {}),
      },
    });
  }
  return { AND: and };
}

/** Orders with a unique tie-break, so pages never overlap or skip. */
export function partnerOrderBy(sort: PartnerSort): Prisma.PartnerOrderByWithRelationInput[] {
  switch (sort) {
    case 'name':
      return [{ nameKey: 'asc' }, { partnerId: 'asc' }];
    case 'joined-newest':
      return [{ joinedAt: { sort: 'desc', nulls: 'last' } }, { partnerId: 'asc' }];
    case 'joined-oldest':
      return [{ joinedAt: { sort: 'asc', nulls: 'last' } }, { partnerId: 'asc' }];
  }
}
