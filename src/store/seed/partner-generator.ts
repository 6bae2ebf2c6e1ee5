import { compactNameKey } from '../partner-name-key.js';
import type { PartnerRecord, Stage } from '../partner-record.js';
import {
  BUSINESS_MODELS,
  COUNTRY_WEIGHTS,
  FIRST_NAMES,
  LAST_NAMES,
  NAME_PREFIXES,
  NAME_SUFFIXES,
  NAME_TAILS,
  PROMOTIONAL_AREAS,
  STATES_BY_COUNTRY,
  TLD_BY_COUNTRY,
} from './partner-name-parts.js';
import {
  ANCHOR_IDENTITIES,
  DEFAULT_PROGRAM,
  type PartnerIdentity,
  PROGRAM_PROFILES,
  type ProgramFields,
  type ProgramProfile,
} from './partner-programs.js';
import { hashSeed, type SeededRandom, seededRandom } from './partner-random.js';

/**
 * The deterministic sample directory. Partners come from one platform-wide
 * "universe" of identities (the same partner ID, name and site in every program
 * it joined), and each brand account picks its partners and sets its own
 * contract, groups, manager and dates. Same account + count + anchor day → the
 * same records, on every machine.
 */
export interface GenerateOptions {
  /** Partners to generate (default: the account's profile, else 300). */
  readonly count?: number;
  /** Join dates are days before this day (UTC); anchors keep their fixed dates. */
  readonly anchorDate: Date;
}

const SOCIAL_KINDS = ['instagram', 'youtube', 'tiktok', 'x', 'facebook', 'pinterest', 'twitch'] as const;
const DAY_MS = 86_400_000;

/** Distinct partner names in universe order (anchors first); the first N never depend on the size asked. */
function universeNames(size: number): string[] {
  const random = seededRandom(hashSeed('partner-universe'));
  const names = ANCHOR_IDENTITIES.map((a) => a.name);
  const seen = new Set(names.map(compactNameKey));
  let attempts = 0;
  while (names.length < size && attempts < size * 50) {
    attempts += 1;
    const prefix = random.pick(NAME_PREFIXES);
    const suffix = random.pick(NAME_SUFFIXES);
    const style = random.next();
    const tail = random.pick(NAME_TAILS);
    const name =
      style < 0.62
        ? `${prefix} ${suffix}`
        : style < 0.8
          ? `${prefix}${suffix}`
          : `${prefix} ${suffix} ${tail}`;
    const key = compactNameKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

const ANCHOR_IDS = new Set(ANCHOR_IDENTITIES.map((a) => a.partnerId));

/** A partner ID for universe position i: 6 digits, unique, scattered (7 digits where that would repeat an anchor's). */
function partnerIdAt(i: number): string {
  const id = String(100_000 + ((i * 7919 + 3571) % 900_000));
  return ANCHOR_IDS.has(id) ? String(1_000_000 + i) : id;
}

function reachFor(random: SeededRandom, creator: boolean): number {
  const exponent = creator ? 3.7 + random.next() * 2.5 : 2.3 + random.next() * 2.6;
  return Math.round(10 ** exponent / 10) * 10;
}

function identityAt(i: number, name: string): PartnerIdentity {
  const anchor = ANCHOR_IDENTITIES[i];
  if (anchor) return anchor;
  const random = seededRandom(hashSeed(`identity:${i}`));
  const country = random.weighted(COUNTRY_WEIGHTS);
  const states = STATES_BY_COUNTRY[country];
  const compact = compactNameKey(name);
  const host = `${compact}${TLD_BY_COUNTRY[country] ?? '.com'}`;
  const website = random.chance(0.4) ? `https://www.${host}` : `https://${host}`;
  const businessModel = random.weighted(
    BUSINESS_MODELS.map((m, k) => [m, [22, 20, 16, 12, 10, 8, 7, 5][k]!] as const),
  );
  const creator = businessModel === 'creator';
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const media: { kind: string; url: string; reach: number }[] = [{ kind: 'website', url: website, reach: 0 }];
  const socialCount = creator ? random.int(2, 4) : random.int(0, 2);
  for (const kind of random.sample(SOCIAL_KINDS, socialCount)) {
    const handle = kind === 'tiktok' ? `@${compact}` : compact;
    media.push({ kind, url: `https://${kind}.com/${handle}`, reach: reachFor(random, creator) });
  }
  if (businessModel === 'email' || random.chance(0.15)) {
    media.push({ kind: 'newsletter', url: `${website}/newsletter`, reach: 0 });
  }
  return {
    partnerId: partnerIdAt(i),
    name,
    website,
    country,
    state: states ? random.pick(states) : null,
    size: random.weighted([
      ['Small', 40],
      ['Medium', 30],
      ['Large', 20],
      ['Enterprise', 10],
    ] as const),
    businessModel,
    promotionalAreas: random.sample(PROMOTIONAL_AREAS, random.int(1, 3)),
    audienceCountry: random.chance(0.8) ? country : random.pick(['US', 'GB', 'CA', 'DE']),
    contactName: `${first} ${last}`,
    contactEmail: `${first.toLowerCase()}@${host}`,
    media,
  };
}

function contractFor(profile: ProgramProfile, model: string, random: SeededRandom): string {
  if (random.chance(0.18)) return profile.contracts.premium;
  return profile.contracts[model] ?? profile.contracts.default;
}

function groupsFor(
  profile: ProgramProfile,
  model: string,
  fields: ProgramFields,
  random: SeededRandom,
): string[] {
  const has = (g: string) => profile.groups.includes(g);
  const out: string[] = [];
  const maybe = (group: string, p: number) => {
    if (has(group) && random.chance(p)) out.push(group);
  };
  maybe('Premium', 0.16);
  maybe('Loyalty', model === 'loyalty' || model === 'cashback' ? 0.6 : 0.04);
  maybe('Top coupon sites', model === 'coupon' ? 0.4 : 0);
  maybe('Creators circle', model === 'creator' ? 0.5 : 0);
  maybe('Ambassadors', model === 'creator' || model === 'content' ? 0.35 : 0.03);
  maybe('Trail specialists', 0.12);
  maybe('Holiday push', 0.12);
  maybe('Spring launch', 0.1);
  maybe('VIP', 0.05);
  maybe('Watchlist', fields.contractStatus === 'Suspended' ? 0.5 : 0.03);
  return out;
}

function programAt(
  accountId: string,
  identity: PartnerIdentity,
  profile: ProgramProfile,
  anchorDay: Date,
): ProgramFields {
  const random = seededRandom(hashSeed(`${accountId}:${identity.partnerId}`));
  const stage: Stage = random.weighted([
    ['Joined', 68],
    ['Expired', 10],
    ['New', 8],
    ['Outreach', 7],
    ['Negotiating', 7],
  ] as const);
  const prospect = stage === 'New' || stage === 'Outreach' || stage === 'Negotiating';
  const joinedVia = random.chance(0.4) ? 'marketplace' : 'direct';
  const contractStatus = prospect
    ? null
    : stage === 'Expired'
      ? 'Expired'
      : random.chance(0.82)
        ? 'Active'
        : 'Suspended';
  // Recent joins are more common than old ones; joins happen in office hours (UTC).
  const daysAgo = Math.floor(random.next() ** 1.7 * 2400);
  const joinedAt = prospect
    ? null
    : new Date(anchorDay.getTime() - daysAgo * DAY_MS + random.int(8, 17) * 3_600_000);
  const prospectingSource = prospect
    ? random.pick(['Extended Search', 'AI', 'Prospect Import', 'Messaging', 'Creator Search'] as const)
    : joinedVia === 'marketplace'
      ? random.weighted([
          ['Marketplace', 7],
          ['Applications', 3],
        ] as const)
      : random.weighted([
          ['Extended Search', 3],
          ['AI', 2],
          ['Messaging', 2],
          ['Staff Recommended', 3],
          ['Prospect Import', 2],
          ['Creator Search', identity.businessModel === 'creator' ? 4 : 0],
          ['Other', 1],
        ] as const);
  const pendingTermUpdate =
    stage === 'Negotiating'
      ? random.chance(0.5)
        ? 'pending_proposal'
        : null
      : contractStatus === 'Active' && random.chance(0.08)
        ? 'pending_proposal'
        : contractStatus === 'Expired' && random.chance(0.3)
          ? 'recently_expired'
          : null;
  const fields: ProgramFields = {
    contractStatus,
    contractName: prospect ? null : contractFor(profile, identity.businessModel, random),
    groups: [],
    joinedAt,
    joinedVia,
    stage,
    accountManager: random.chance(0.88) ? random.pick(profile.managers) : null,
    prospectingSource,
    pendingTermUpdate,
  };
  return { ...fields, groups: groupsFor(profile, identity.businessModel, fields, random) };
}

function toRecord(identity: PartnerIdentity, program: ProgramFields): PartnerRecord {
  const socialReach = identity.media
    .filter((m) => (SOCIAL_KINDS as readonly string[]).includes(m.kind))
    .reduce((sum, m) => sum + m.reach, 0);
  return { ...identity, ...program, socialReach };
}

/** The sample partners of one account, sorted by partner ID. */
export function generatePartnerDirectory(accountId: string, options: GenerateOptions): PartnerRecord[] {
  const profile = PROGRAM_PROFILES[accountId] ?? DEFAULT_PROGRAM;
  const count = options.count ?? profile.partnerCount;
  const anchorDay = new Date(
    Date.UTC(
      options.anchorDate.getUTCFullYear(),
      options.anchorDate.getUTCMonth(),
      options.anchorDate.getUTCDate(),
    ),
  );
  const universeSize = Math.max(1200, Math.ceil(count * 1.6));
  const names = universeNames(universeSize);
  const anchorIndexes = new Set(profile.anchors.map((a) => a.identity));
  const pool = names.map((_, i) => i).filter((i) => i >= ANCHOR_IDENTITIES.length);
  const chosen = seededRandom(hashSeed(`select:${accountId}`)).sample(pool, count - anchorIndexes.size);
  const records: PartnerRecord[] = profile.anchors.map((a) =>
    toRecord(identityAt(a.identity, names[a.identity]!), a.program),
  );
  for (const i of chosen) {
    const identity = identityAt(i, names[i]!);
    records.push(toRecord(identity, programAt(accountId, identity, profile, anchorDay)));
  }
  return records.sort((a, b) => a.partnerId.localeCompare(b.partnerId));
}
