/**
 * One partner of a brand's program as the bot stores it: every field of the
 * "My Partners" directory. Used by the seed generator, the CSV import and the
 * repository, so all three agree on values and spelling.
 */
export const CONTRACT_STATUSES = ['Active', 'Expired', 'Suspended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const STAGES = ['New', 'Outreach', 'Negotiating', 'Joined', 'Expired'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages before a contract: such partners have no contract status, contract or join date. */
export const PROSPECT_STAGES: readonly Stage[] = ['New', 'Outreach', 'Negotiating'];

export const SIZES = ['Small', 'Medium', 'Large', 'Enterprise'] as const;
export type PartnerSize = (typeof SIZES)[number];

export const JOINED_VIA = ['direct', 'marketplace'] as const;
export type JoinedVia = (typeof JOINED_VIA)[number];

export const PROSPECTING_SOURCES = [
  'Applications',
  'Marketplace',
  'Extended Search',
  'AI',
  'Messaging',
  'Staff Recommended',
  'Prospect Import',
  'Creator Search',
  'Other',
] as const;
export type ProspectingSource = (typeof PROSPECTING_SOURCES)[number];

export const PENDING_TERM_UPDATES = ['pending_proposal', 'recently_expired'] as const;
export type PendingTermUpdate = (typeof PENDING_TERM_UPDATES)[number];

export interface MediaPropertyRecord {
  /** website | instagram | youtube | tiktok | x | facebook | pinterest | twitch | newsletter | podcast | app */
  readonly kind: string;
  readonly url: string;
  readonly reach: number;
}

export interface PartnerRecord {
  /** The platform's partner ID (digits), unique in the account. */
  readonly partnerId: string;
  readonly name: string;
  readonly website: string | null;
  readonly country: string | null;
  readonly state: string | null;
  /** null for prospects (no contract yet). */
  readonly contractStatus: ContractStatus | null;
  readonly contractName: string | null;
  readonly groups: readonly string[];
  /** null for prospects. */
  readonly joinedAt: Date | null;
  readonly joinedVia: JoinedVia;
  readonly size: PartnerSize | null;
  readonly businessModel: string | null;
  readonly stage: Stage;
  readonly accountManager: string | null;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly promotionalAreas: readonly string[];
  readonly audienceCountry: string | null;
  readonly media: readonly MediaPropertyRecord[];
  readonly socialReach: number;
  readonly prospectingSource: ProspectingSource | null;
  readonly pendingTermUpdate: PendingTermUpdate | null;
}

/** The columns of the Partner table, as the writer fills them. */
export const PARTNER_COLUMNS = [
  'id',
  'accountId',
  'partnerId',
  'name',
  'nameKey',
  'website',
  'domain',
  'country',
  'state',
  'contractStatus',
  'contractName',
  'joinedAt',
  'joinedVia',
  'size',
  'businessModel',
  'stage',
  'accountManager',
  'contactName',
  'contactEmail',
  'promotionalAreas',
  'audienceCountry',
  'socialReach',
  'prospectingSource',
  'pendingTermUpdate',
  'updatedAt',
] as const;
