/**
 * Countries (ISO 3166-1 alpha-2) and the states/provinces the directory uses,
 * with the words people type for them ("Canada", "Canadian", "the UK").
 * Written here rather than taken from the intent engine's entity extractor so
 * that the partner parser knows adjectives and regions too.
 */
export interface Place {
  readonly code: string;
  readonly name: string;
  /** Lower-case phrases that name the place, besides its name. */
  readonly aliases: readonly string[];
}

export const COUNTRIES: readonly Place[] = [
  {
    code: 'US',
    name: 'United States',
    aliases: ['usa', 'u.s.', 'u.s.a.', 'america', 'american', 'united states of america', 'the states'],
  },
  { code: 'CA', name: 'Canada', aliases: ['canadian'] },
  {
    code: 'GB',
    name: 'United Kingdom',
    aliases: ['uk', 'u.k.', 'britain', 'great britain', 'british', 'england', 'english'],
  },
  { code: 'IE', name: 'Ireland', aliases: ['irish'] },
  { code: 'DE', name: 'Germany', aliases: ['german'] },
  { code: 'FR', name: 'France', aliases: ['french'] },
  { code: 'ES', name: 'Spain', aliases: ['spanish'] },
  { code: 'IT', name: 'Italy', aliases: ['italian'] },
  { code: 'NL', name: 'Netherlands', aliases: ['the netherlands', 'holland', 'dutch'] },
  { code: 'BE', name: 'Belgium', aliases: ['belgian'] },
  { code: 'CH', name: 'Switzerland', aliases: ['swiss'] },
  { code: 'AT', name: 'Austria', aliases: ['austrian'] },
  { code: 'SE', name: 'Sweden', aliases: ['swedish'] },
  { code: 'NO', name: 'Norway', aliases: ['norwegian'] },
  { code: 'DK', name: 'Denmark', aliases: ['danish'] },
  { code: 'FI', name: 'Finland', aliases: ['finnish'] },
  { code: 'PL', name: 'Poland', aliases: ['polish'] },
  { code: 'PT', name: 'Portugal', aliases: ['portuguese'] },
  { code: 'CZ', name: 'Czechia', aliases: ['czech republic', 'czech'] },
  { code: 'GR', name: 'Greece', aliases: ['greek'] },
  { code: 'AU', name: 'Australia', aliases: ['australian', 'aussie'] },
  { code: 'NZ', name: 'New Zealand', aliases: ['kiwi'] },
  { code: 'JP', name: 'Japan', aliases: ['japanese'] },
  { code: 'KR', name: 'South Korea', aliases: ['korea', 'korean', 'south korean'] },
  { code: 'CN', name: 'China', aliases: ['chinese'] },
  { code: 'IN', name: 'India', aliases: ['indian'] },
  { code: 'SG', name: 'Singapore', aliases: ['singaporean'] },
  { code: 'HK', name: 'Hong Kong', aliases: [] },
  { code: 'AE', name: 'United Arab Emirates', aliases: ['uae', 'emirates', 'emirati', 'dubai'] },
  { code: 'IL', name: 'Israel', aliases: ['israeli'] },
  { code: 'ZA', name: 'South Africa', aliases: ['south african'] },
  { code: 'BR', name: 'Brazil', aliases: ['brazilian'] },
  { code: 'MX', name: 'Mexico', aliases: ['mexican'] },
  { code: 'AR', name: 'Argentina', aliases: ['argentinian', 'argentine'] },
  { code: 'CL', name: 'Chile', aliases: ['chilean'] },
  { code: 'CO', name: 'Colombia', aliases: ['colombian'] },
  { code: 'TR', name: 'Turkey', aliases: ['turkish', 'turkiye'] },
];

/** States and provinces, keyed by country; stored as their postal codes ("CA", "ON"). */
export const REGIONS: Readonly<Record<string, readonly Place[]>> = {
  US: [
    { code: 'AL', name: 'Alabama', aliases: [] },
    { code: 'AZ', name: 'Arizona', aliases: [] },
    { code: 'CA', name: 'California', aliases: [] },
    { code: 'CO', name: 'Colorado', aliases: [] },
    { code: 'CT', name: 'Connecticut', aliases: [] },
    { code: 'FL', name: 'Florida', aliases: [] },
    { code: 'GA', name: 'Georgia', aliases: [] },
    { code: 'IL', name: 'Illinois', aliases: [] },
    { code: 'MA', name: 'Massachusetts', aliases: [] },
    { code: 'MI', name: 'Michigan', aliases: [] },
    { code: 'MN', name: 'Minnesota', aliases: [] },
    { code: 'NC', name: 'North Carolina', aliases: [] },
    { code: 'NJ', name: 'New Jersey', aliases: [] },
    { code: 'NY', name: 'New York', aliases: ['new york state'] },
    { code: 'OH', name: 'Ohio', aliases: [] },
    { code: 'OR', name: 'Oregon', aliases: [] },
    { code: 'PA', name: 'Pennsylvania', aliases: [] },
    { code: 'TN', name: 'Tennessee', aliases: [] },
    { code: 'TX', name: 'Texas', aliases: [] },
    { code: 'UT', name: 'Utah', aliases: [] },
    { code: 'VA', name: 'Virginia', aliases: [] },
    { code: 'WA', name: 'Washington', aliases: ['washington state'] },
    { code: 'WI', name: 'Wisconsin', aliases: [] },
  ],
  CA: [
    { code: 'AB', name: 'Alberta', aliases: [] },
    { code: 'BC', name: 'British Columbia', aliases: [] },
    { code: 'MB', name: 'Manitoba', aliases: [] },
    { code: 'NS', name: 'Nova Scotia', aliases: [] },
    { code: 'ON', name: 'Ontario', aliases: [] },
    { code: 'QC', name: 'Quebec', aliases: ['québec'] },
    { code: 'SK', name: 'Saskatchewan', aliases: [] },
  ],
  AU: [
    { code: 'NSW', name: 'New South Wales', aliases: [] },
    { code: 'QLD', name: 'Queensland', aliases: [] },
    { code: 'VIC', name: 'Victoria', aliases: [] },
    { code: 'WA', name: 'Western Australia', aliases: [] },
  ],
};

const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/** The country's display name ("CA" → "Canada"), or the code itself when unknown. */
export function countryName(code: string): string {
  return countryByCode.get(code.toUpperCase())?.name ?? code;
}

/** The region's display name ("US", "TX" → "Texas"), or the code itself when unknown. */
export function regionName(country: string | null, code: string): string {
  const regions = country ? REGIONS[country.toUpperCase()] : undefined;
  return regions?.find((r) => r.code === code.toUpperCase())?.name ?? code;
}

/** A country given as an ISO code or a name/adjective ("de", "Germany", "German"), as its ISO code. */
export function countryCodeOf(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  for (const c of COUNTRIES) {
    if (c.code.toLowerCase() === t || c.name.toLowerCase() === t || c.aliases.includes(t)) return c.code;
  }
  return null;
}

/** A state/province given as a code or a name, as its code, within a country (or any country). */
export function regionCodeOf(text: string, country: string | null): string | null {
  const t = text.trim().toLowerCase();
  const lists = country ? [REGIONS[country.toUpperCase()] ?? []] : Object.values(REGIONS);
  for (const list of lists) {
    for (const r of list) {
      if (r.code.toLowerCase() === t || r.name.toLowerCase() === t || r.aliases.includes(t)) return r.code;
    }
  }
  return null;
}
