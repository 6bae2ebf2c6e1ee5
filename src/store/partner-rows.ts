import { Prisma } from '../generated/sqlite/client.js';
import {
  type ContractStatus,
  type JoinedVia,
  type MediaPropertyRecord,
  PARTNER_COLUMNS,
  type PartnerRecord,
  type PartnerSize,
  type PendingTermUpdate,
  type ProspectingSource,
  type Stage,
} from './partner-record.js';

/** A stored partner: the record plus where it lives. */
export interface PartnerView extends PartnerRecord {
  /** Internal row id. */
  readonly id: string;
  readonly accountId: string;
  readonly domain: string | null;
}

/** A partner as lists show it: the record without its groups and media properties. */
export type PartnerSummary = Omit<PartnerView, 'groups' | 'media'>;

/** The partner columns a summary reads, from the partner table aliased `p`. */
export const SUMMARY_COLUMNS = Prisma.raw(
  PARTNER_COLUMNS.filter((c) => c !== 'nameKey' && c !== 'updatedAt')
    .map((c) => `p."${c}"`)
    .join(', '),
);

/** A summary row as both databases return it (dates as Date or ISO text, integers as number or bigint). */
export interface SummaryRow {
  readonly id: string;
  readonly accountId: string;
  readonly partnerId: string;
  readonly name: string;
  readonly website: string | null;
  readonly domain: string | null;
  readonly country: string | null;
  readonly state: string | null;
  readonly contractStatus: string | null;
  readonly contractName: string | null;
  readonly joinedAt: Date | string | null;
  readonly joinedVia: string;
  readonly size: string | null;
  readonly businessModel: string | null;
  readonly stage: string;
  readonly accountManager: string | null;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly promotionalAreas: string;
  readonly audienceCountry: string | null;
  readonly socialReach: number | bigint;
  readonly prospectingSource: string | null;
  readonly pendingTermUpdate: string | null;
}

/** A summary row joined with one of the partner's groups and one of its media properties (each may be absent). */
export interface RelatedRow extends SummaryRow {
  readonly groupName: string | null;
  readonly mediaId: string | null;
  readonly mediaKind: string | null;
  readonly mediaUrl: string | null;
  readonly mediaReach: number | bigint | null;
}

/**
 * The SELECT of partners with their groups and media properties in one
 * statement: one row per (group, media property) pair of each partner matched
 * by `condition` (on `p`). A partner has a few of each, so the product is small.
 */
export function relatedRowsSql(condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${SUMMARY_COLUMNS}, g."name" AS "groupName",
      m."id" AS "mediaId", m."kind" AS "mediaKind", m."url" AS "mediaUrl", m."reach" AS "mediaReach"
    FROM "Partner" p
    LEFT JOIN "PartnerGroupMember" gm ON gm."partnerId" = p."id"
    LEFT JOIN "PartnerGroup" g ON g."id" = gm."groupId"
    LEFT JOIN "MediaProperty" m ON m."partnerId" = p."id"
    WHERE ${condition}`;
}

export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function readDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

export function toSummary(row: SummaryRow): PartnerSummary {
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
    joinedAt: readDate(row.joinedAt),
    joinedVia: row.joinedVia as JoinedVia,
    size: row.size as PartnerSize | null,
    businessModel: row.businessModel,
    stage: row.stage as Stage,
    accountManager: row.accountManager,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    promotionalAreas: parseList(row.promotionalAreas),
    audienceCountry: row.audienceCountry,
    socialReach: Number(row.socialReach),
    prospectingSource: row.prospectingSource as ProspectingSource | null,
    pendingTermUpdate: row.pendingTermUpdate as PendingTermUpdate | null,
  };
}

/** Folds the joined rows into one view per partner, in the order partners first appear. */
export function toViews(rows: readonly RelatedRow[]): PartnerView[] {
  const partners = new Map<
    string,
    { row: RelatedRow; groups: Set<string>; media: Map<string, MediaPropertyRecord> }
  >();
  for (const row of rows) {
    let partner = partners.get(row.id);
    if (!partner) {
      partner = { row, groups: new Set(), media: new Map() };
      partners.set(row.id, partner);
    }
    if (row.groupName !== null) partner.groups.add(row.groupName);
    if (row.mediaId !== null && !partner.media.has(row.mediaId)) {
      partner.media.set(row.mediaId, {
        kind: row.mediaKind ?? '',
        url: row.mediaUrl ?? '',
        reach: Number(row.mediaReach ?? 0),
      });
    }
  }
  return [...partners.values()].map(({ row, groups, media }) => ({
    ...toSummary(row),
    groups: [...groups].sort((a, b) => a.localeCompare(b)),
    // Media ids keep the declared order.
    media: [...media.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, m]) => m),
  }));
}
