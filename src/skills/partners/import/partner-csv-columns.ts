/** The columns of a partner CSV, named as the directory names them. */
export const PARTNER_COLUMNS = [
  'partnerId',
  'name',
  'website',
  'country',
  'state',
  'contractStatus',
  'contractName',
  'groups',
  'joinedAt',
  'joinedVia',
  'size',
  'businessModel',
  'stage',
  'accountManager',
  'contact',
  'contactName',
  'contactEmail',
  'promotionalAreas',
  'audienceCountry',
  'media',
  'socialReach',
  'prospectingSource',
  'pendingTermUpdate',
] as const;
export type PartnerColumn = (typeof PARTNER_COLUMNS)[number];

/**
 * Header spellings accepted for each column, compared without case, spaces or
 * punctuation: the directory's display names ("Partner ID", "Date joined",
 * "Direct / Marketplace") and the platform export's snake_case ("partner_id").
 */
const ALIASES: Readonly<Record<PartnerColumn, readonly string[]>> = {
  partnerId: ['partner id', 'partnerid', 'id', 'partner number', 'pid'],
  name: ['partner name', 'name', 'partner'],
  website: ['website', 'url', 'site', 'web site', 'website url', 'domain'],
  country: ['country', 'country code'],
  state: ['state', 'province', 'state/province', 'region'],
  contractStatus: ['contract status', 'status'],
  contractName: ['contract name', 'contract', 'template terms', 'terms'],
  groups: ['groups', 'group', 'labels'],
  joinedAt: ['date joined', 'joined', 'joined at', 'join date', 'joined on'],
  joinedVia: ['direct / marketplace', 'direct/marketplace', 'direct or marketplace', 'joined via', 'type'],
  size: ['size', 'partner size'],
  businessModel: ['business model', 'model'],
  stage: ['relationship stage', 'stage'],
  accountManager: ['account manager', 'manager'],
  contact: ['contact'],
  contactName: ['contact name'],
  contactEmail: ['contact email', 'contact e-mail', 'email', 'e-mail'],
  promotionalAreas: ['promotional areas', 'promotional area', 'areas'],
  audienceCountry: ['audience country', 'audience'],
  media: ['media properties', 'media', 'media property'],
  socialReach: ['social reach', 'reach', 'followers'],
  prospectingSource: ['prospecting source', 'source'],
  pendingTermUpdate: ['pending term updates', 'pending term update', 'pending updates', 'term updates'],
};

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

const BY_KEY = new Map<string, PartnerColumn>(
  Object.entries(ALIASES).flatMap(([column, names]) =>
    names.map((n) => [squash(n), column as PartnerColumn]),
  ),
);

export interface HeaderMapping {
  /** Column of each cell position; null for a header the import does not know. */
  readonly columns: ReadonlyArray<PartnerColumn | null>;
  readonly unknown: readonly string[];
  /** Headers naming a column already named by an earlier header. */
  readonly duplicates: readonly string[];
}

/** Maps a header row to columns, tolerating case, spaces, underscores and punctuation. */
export function mapHeader(cells: readonly string[]): HeaderMapping {
  const seen = new Set<PartnerColumn>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const columns = cells.map((cell) => {
    const column = BY_KEY.get(squash(cell)) ?? null;
    if (!column) {
      if (cell.trim() !== '') unknown.push(cell.trim());
      return null;
    }
    if (seen.has(column)) {
      duplicates.push(cell.trim());
      return null;
    }
    seen.add(column);
    return column;
  });
  return { columns, unknown, duplicates };
}

/** Header names as documented (the directory's own column names). */
export const DOCUMENTED_HEADERS: Readonly<Record<PartnerColumn, string>> = {
  partnerId: 'Partner ID',
  name: 'Partner name',
  website: 'Website',
  country: 'Country',
  state: 'State',
  contractStatus: 'Contract status',
  contractName: 'Contract name',
  groups: 'Groups',
  joinedAt: 'Date joined',
  joinedVia: 'Direct / Marketplace',
  size: 'Size',
  businessModel: 'Business model',
  stage: 'Relationship stage',
  accountManager: 'Account manager',
  contact: 'Contact',
  contactName: 'Contact name',
  contactEmail: 'Contact email',
  promotionalAreas: 'Promotional areas',
  audienceCountry: 'Audience country',
  media: 'Media properties',
  socialReach: 'Social reach',
  prospectingSource: 'Prospecting source',
  pendingTermUpdate: 'Pending term updates',
};
