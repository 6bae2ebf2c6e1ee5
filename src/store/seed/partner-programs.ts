import type { PartnerRecord } from '../partner-record.js';

/** A partner identity that exists on the platform, whatever program it joined. */
export interface PartnerIdentity {
  readonly partnerId: string;
  readonly name: string;
  readonly website: string;
  readonly country: string;
  readonly state: string | null;
  readonly size: NonNullable<PartnerRecord['size']>;
  readonly businessModel: string;
  readonly promotionalAreas: readonly string[];
  readonly audienceCountry: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly media: PartnerRecord['media'];
}

/** What one brand's program sets for a partner (contract, groups, manager...). */
export type ProgramFields = Pick<
  PartnerRecord,
  | 'contractStatus'
  | 'contractName'
  | 'groups'
  | 'joinedAt'
  | 'joinedVia'
  | 'stage'
  | 'accountManager'
  | 'prospectingSource'
  | 'pendingTermUpdate'
>;

/** A brand's program in the sample data: its labels, people and contracts. */
export interface ProgramProfile {
  readonly partnerCount: number;
  readonly groups: readonly string[];
  readonly managers: readonly string[];
  /** Contract names by business model; `default` for the rest; `premium` for some. */
  readonly contracts: { readonly default: string; readonly premium: string } & Readonly<
    Record<string, string>
  >;
  /** Fixed partners (by identity index) with fixed program fields: the documented examples. */
  readonly anchors: ReadonlyArray<{ readonly identity: number; readonly program: ProgramFields }>;
}

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

/**
 * Hand-written identities at the start of the partner universe, so the examples in
 * the docs and the help text have answers: "Northwind Deals", partner 100234,
 * couponcave.com, "Bright Bargains".
 */
export const ANCHOR_IDENTITIES: readonly PartnerIdentity[] = [
  {
    partnerId: '100481',
    name: 'Northwind Deals',
    website: 'https://www.northwinddeals.com',
    country: 'CA',
    state: 'ON',
    size: 'Medium',
    businessModel: 'coupon',
    promotionalAreas: ['Outdoor', 'Travel'],
    audienceCountry: 'CA',
    contactName: 'Olivia Grant',
    contactEmail: 'olivia@northwinddeals.com',
    media: [
      { kind: 'website', url: 'https://www.northwinddeals.com', reach: 0 },
      { kind: 'instagram', url: 'https://instagram.com/northwinddeals', reach: 48_200 },
      { kind: 'newsletter', url: 'https://www.northwinddeals.com/newsletter', reach: 0 },
    ],
  },
  {
    partnerId: '204517',
    name: 'Northwind Outlet',
    website: 'https://northwindoutlet.com',
    country: 'US',
    state: 'WA',
    size: 'Large',
    businessModel: 'cashback',
    promotionalAreas: ['Outdoor', 'Sports'],
    audienceCountry: 'US',
    contactName: 'Marco Silva',
    contactEmail: 'marco@northwindoutlet.com',
    media: [
      { kind: 'website', url: 'https://northwindoutlet.com', reach: 0 },
      { kind: 'facebook', url: 'https://facebook.com/northwindoutlet', reach: 15_400 },
    ],
  },
  {
    partnerId: '100877',
    name: 'CouponCave',
    website: 'https://couponcave.com',
    country: 'US',
    state: 'TX',
    size: 'Large',
    businessModel: 'coupon',
    promotionalAreas: ['Fashion', 'Home'],
    audienceCountry: 'US',
    contactName: 'Aisha Haddad',
    contactEmail: 'partners@couponcave.com',
    media: [
      { kind: 'website', url: 'https://couponcave.com', reach: 0 },
      { kind: 'x', url: 'https://x.com/couponcave', reach: 9_800 },
      { kind: 'tiktok', url: 'https://tiktok.com/@couponcave', reach: 120_500 },
    ],
  },
  {
    partnerId: '311052',
    name: 'Bright Bargains',
    website: 'https://brightbargains.co.uk',
    country: 'GB',
    state: null,
    size: 'Medium',
    businessModel: 'email',
    promotionalAreas: ['Home', 'Family'],
    audienceCountry: 'GB',
    contactName: 'Jamie Rivera',
    contactEmail: 'jamie@brightbargains.co.uk',
    media: [
      { kind: 'website', url: 'https://brightbargains.co.uk', reach: 0 },
      { kind: 'newsletter', url: 'https://brightbargains.co.uk/newsletter', reach: 0 },
      { kind: 'instagram', url: 'https://instagram.com/brightbargainsuk', reach: 22_300 },
    ],
  },
  {
    partnerId: '100234',
    name: 'Maple Leaf Savings',
    website: 'https://mapleleafsavings.ca',
    country: 'CA',
    state: 'BC',
    size: 'Small',
    businessModel: 'loyalty',
    promotionalAreas: ['Outdoor', 'Family'],
    audienceCountry: 'CA',
    contactName: 'Ravi Patel',
    contactEmail: 'ravi@mapleleafsavings.ca',
    media: [
      { kind: 'website', url: 'https://mapleleafsavings.ca', reach: 0 },
      { kind: 'youtube', url: 'https://youtube.com/@mapleleafsavings', reach: 6_100 },
    ],
  },
];

const joined = (
  iso: string,
  fields: Partial<ProgramFields> & Pick<ProgramFields, 'accountManager' | 'groups'>,
): ProgramFields => ({
  contractStatus: 'Active',
  contractName: null,
  joinedAt: day(iso),
  joinedVia: 'direct',
  stage: 'Joined',
  prospectingSource: 'Staff Recommended',
  pendingTermUpdate: null,
  ...fields,
});

/** The two demo brands of content/seed/directory.yml. */
export const PROGRAM_PROFILES: Readonly<Record<string, ProgramProfile>> = {
  acc_demo_brand: {
    partnerCount: 360,
    groups: ['Premium', 'Loyalty', 'Top coupon sites', 'Creators circle', 'Holiday push', 'VIP', 'Watchlist'],
    managers: ['Dana Whitfield', 'Marcus Lee', 'Priya Shah', 'Tom Becker', 'Elena Rossi'],
    contracts: {
      default: 'Standard 8% CPS',
      premium: 'Premium Tiered CPS',
      coupon: 'Coupon 5% CPS',
      loyalty: 'Loyalty 4% Cashback',
      cashback: 'Loyalty 4% Cashback',
      creator: 'Creator Flat Fee',
    },
    anchors: [
      {
        identity: 0,
        program: joined('2023-03-14', {
          contractName: 'Coupon 5% CPS',
          groups: ['Premium', 'Top coupon sites'],
          joinedVia: 'marketplace',
          accountManager: 'Dana Whitfield',
          prospectingSource: 'Marketplace',
        }),
      },
      {
        identity: 1,
        program: joined('2021-11-02', {
          contractStatus: 'Suspended',
          contractName: 'Loyalty 4% Cashback',
          groups: ['Loyalty', 'Watchlist'],
          accountManager: 'Marcus Lee',
          prospectingSource: 'Extended Search',
        }),
      },
      {
        identity: 2,
        program: joined('2024-08-19', {
          contractName: 'Premium Tiered CPS',
          groups: ['Premium'],
          accountManager: 'Priya Shah',
        }),
      },
      {
        identity: 3,
        program: joined('2022-05-09', {
          contractName: 'Standard 8% CPS',
          groups: ['Loyalty'],
          joinedVia: 'marketplace',
          accountManager: 'Dana Whitfield',
          prospectingSource: 'Applications',
          pendingTermUpdate: 'pending_proposal',
        }),
      },
      {
        identity: 4,
        program: joined('2025-01-27', {
          contractName: 'Loyalty 4% Cashback',
          groups: ['Premium', 'Loyalty'],
          accountManager: 'Priya Shah',
          prospectingSource: 'Messaging',
        }),
      },
    ],
  },
  acc_northpeak: {
    partnerCount: 330,
    groups: ['Premium', 'Ambassadors', 'Trail specialists', 'Spring launch', 'Watchlist'],
    managers: ['Dana Okafor', 'Liam Chen', 'Sofia Marquez', 'Ben Carter'],
    contracts: {
      default: 'Northpeak Standard 7%',
      premium: 'Northpeak Elite 10%',
      creator: 'Ambassador Flat Fee',
    },
    anchors: [
      {
        identity: 2,
        program: joined('2025-04-03', {
          contractName: 'Northpeak Standard 7%',
          groups: ['Trail specialists'],
          joinedVia: 'marketplace',
          accountManager: 'Dana Okafor',
          prospectingSource: 'Marketplace',
        }),
      },
      {
        identity: 4,
        program: joined('2020-06-22', {
          contractStatus: 'Expired',
          stage: 'Expired',
          contractName: 'Northpeak Standard 7%',
          groups: [],
          accountManager: 'Liam Chen',
          prospectingSource: 'Other',
        }),
      },
    ],
  },
};

/** The profile for accounts without one (benchmarks, new brands). */
export const DEFAULT_PROGRAM: ProgramProfile = {
  partnerCount: 300,
  groups: ['Premium', 'Loyalty', 'Top coupon sites', 'Creators circle', 'Watchlist'],
  managers: ['Alex Morgan', 'Jordan Blake', 'Casey Nguyen', 'Riley Brooks'],
  contracts: { default: 'Standard 8% CPS', premium: 'Premium Tiered CPS', coupon: 'Coupon 5% CPS' },
  anchors: [],
};
